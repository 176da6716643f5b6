/**
 * The load scenarios of issue 8, shared by `npm run bench:load` (full size, a printed table) and
 * the scaled-down test in `npm test` (counts only): function instances as separate processes
 * sharing one local store, the ESS emulator at its real per-action limit, ESS callbacks delivered
 * through the HTTP-triggered function, and clients that behave like the verify page (they wait
 * `retryAfterMs` and ask again by themselves).
 */
import { createServer, type Server } from 'http';
import { mkdtempSync, rmSync } from 'fs';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { essEnvFor, startLocalEssEmulator } from '../../emulator/local';
import type { EssEmulator, RecordedCall } from '../../emulator/types';
import { startInstances, type Instances } from './instances';
import { person } from './people';

const CALLBACK_KEY = 'LoadRunCallbackKey0123456789abcd';
const CALLBACK_TOKEN = 'load-run-callback-token';

export interface LoadStack {
  emulator: EssEmulator;
  instances: Instances;
  /** The pace the functions keep (what the floor of a burst is computed from). */
  rateLimitPerSecond: number;
  close(): Promise<void>;
}

export async function startLoadStack(options: {
  instances: number;
  /** ESS's limit, enforced by the emulator (default 20 per second and action, as ESS). */
  rateLimitPerSecond?: number;
  /** The functions' own pace (`ESS_RATE_LIMIT`); default: ESS's limit. */
  pacedAtPerSecond?: number;
}): Promise<LoadStack> {
  const rateLimitPerSecond = options.rateLimitPerSecond ?? 20;
  const pacedAt = options.pacedAtPerSecond ?? rateLimitPerSecond;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ess-load-'));
  // Started after the emulator (which needs the receiver's URL): callbacks wait for them.
  const started: { instances?: Instances } = {};
  // ESS's callbacks reach the HTTP-triggered function through this stand-in of the access service.
  const receiver: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const event = { httpMethod: req.method, headers: req.headers, body, isBase64Encoded: false };
      started.instances!.invoke('essCallback', event, null).then(
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, { 'Content-Type': 'application/json' });
          res.end(answer.body ?? '');
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const emulator = await startLocalEssEmulator({
    rateLimitPerSecond,
    callback: {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
      key: CALLBACK_KEY,
      token: CALLBACK_TOKEN,
    },
  });
  const instances = await startInstances(options.instances, {
    ...essEnvFor(emulator),
    LOCAL_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ESS_RATE_LIMIT: String(pacedAt),
    ESS_CALLBACK_KEY: CALLBACK_KEY,
    ESS_CALLBACK_TOKEN: CALLBACK_TOKEN,
  });
  started.instances = instances;
  return {
    emulator,
    instances,
    rateLimitPerSecond: pacedAt,
    async close() {
      await instances.close();
      await emulator.close();
      receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const openidOf = (i: number) => `oLoadUser${String(i).padStart(6, '0')}`;

interface LinkOutcome {
  ok: boolean;
  path?: string;
  code?: string;
  /** Answers with `retryAfterMs` the client waited out (queued or a transient ESS failure). */
  waits: number;
}

/** What the verify page does: ask, and while the answer says "come back after N ms", wait and ask again. */
export async function askForLink(
  stack: LoadStack,
  i: number,
  giveUpAfterMs = 120_000,
): Promise<LinkOutcome> {
  const started = Date.now();
  let waits = 0;
  for (;;) {
    const answer = await stack.instances.invoke('createUserVerifyUrl', person(i), openidOf(i));
    if (answer.ok) return { ok: true, path: answer.path, waits };
    if (!answer.retryAfterMs || Date.now() - started > giveUpAfterMs)
      return { ok: false, code: answer.code, waits };
    waits += 1;
    await sleep(answer.retryAfterMs);
  }
}

export interface ScenarioRow {
  scenario: string;
  users: number;
  links: number;
  errors: number;
  /** ESS calls made in the scenario, by action. */
  createCalls: number;
  statusCalls: number;
  /** Calls ESS refused with RequestLimitExceeded (the pacer should make these 0). */
  rateLimited: number;
  wallMs: number;
  /** users / rate: the least time ESS's limit allows. */
  floorMs?: number;
  /** Times a client was told to wait and ask again. */
  waits: number;
  notes: string[];
}

function callsSince(stack: LoadStack, from: number): RecordedCall[] {
  return stack.emulator.calls().slice(from);
}

function countCalls(calls: RecordedCall[]) {
  return {
    createCalls: calls.filter((c) => c.action === 'CreateUserVerifyUrl').length,
    statusCalls: calls.filter((c) => c.action === 'DescribeUserVerifyStatus').length,
    rateLimited: calls.filter((c) => c.errorCode === 'RequestLimitExceeded').length,
  };
}

/** `users` distinct users arriving evenly within `spreadMs`, each until they have a link. */
export async function burstOfNewUsers(
  stack: LoadStack,
  label: string,
  users: number,
  firstUser = 0,
  spreadMs = 1000,
): Promise<ScenarioRow & { outcomes: LinkOutcome[] }> {
  const from = stack.emulator.calls().length;
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: users }, async (_, k) => {
      await sleep((k * spreadMs) / users);
      return askForLink(stack, firstUser + k);
    }),
  );
  const wallMs = Date.now() - started;
  return {
    scenario: label,
    users,
    links: outcomes.filter((o) => o.ok && o.path).length,
    errors: outcomes.filter((o) => !o.ok).length,
    ...countCalls(callsSince(stack, from)),
    wallMs,
    floorMs: (users / stack.rateLimitPerSecond) * 1000,
    waits: outcomes.reduce((sum, o) => sum + o.waits, 0),
    notes: [...new Set(outcomes.filter((o) => !o.ok).map((o) => o.code ?? '?'))],
    outcomes,
  };
}

/**
 * 30 % of ESS calls answer InternalError and 10 % of answers are dropped after ESS made the link;
 * then every user completes the link they hold, and ESS's callback must reach them.
 */
export async function burstWithFailures(
  stack: LoadStack,
  users: number,
  firstUser: number,
): Promise<ScenarioRow & { boundByCallback: number }> {
  stack.emulator.injectFault({ code: 'InternalError', probability: 0.3 });
  // Of the calls left (70 %), one in seven: 10 % of all.
  stack.emulator.injectFault({ dropAnswer: true, probability: 1 / 7 });
  const row = await burstOfNewUsers(
    stack,
    '30% InternalError + 10% answers lost',
    users,
    firstUser,
  );
  stack.emulator.clearFaults();
  // Each user completes their link in ESS; ESS calls back for every link made with its UserData.
  const userDataOf = new Map<string, string>();
  for (const call of stack.emulator.calls('CreateUserVerifyUrl')) {
    userDataOf.set(String(call.params.IdCardNumber), String(call.params.UserData));
  }
  let dropped = 0;
  for (let k = 0; k < users; k += 1) {
    const userData = userDataOf.get(person(firstUser + k).idCardNumber);
    if (userData) await stack.emulator.completeUserVerification(userData);
  }
  dropped = stack.emulator.calls().filter((c) => c.answerDropped).length;
  let boundByCallback = 0;
  for (let k = 0; k < users; k += 1) {
    const status = await stack.instances.invoke('getUserVerifyStatus', {}, openidOf(firstUser + k));
    if (status.ok && status.status === 'verified' && status.proof === 'ess-callback')
      boundByCallback += 1;
  }
  row.notes.push(`${dropped} answers dropped`, `${boundByCallback}/${users} bound by callback`);
  return { ...row, boundByCallback };
}

/** One user polls their status `polls` times at once while `others` new users ask for links. */
export async function pollerAmongNewUsers(
  stack: LoadStack,
  polls: number,
  others: number,
  firstUser: number,
): Promise<ScenarioRow & { pollerStatusCalls: number }> {
  const poller = firstUser;
  await askForLink(stack, poller);
  const from = stack.emulator.calls().length;
  const started = Date.now();
  const [outcomes] = await Promise.all([
    Promise.all(Array.from({ length: others }, (_, k) => askForLink(stack, firstUser + 1 + k))),
    Promise.all(
      Array.from({ length: polls }, () =>
        stack.instances.invoke('getUserVerifyStatus', {}, openidOf(poller)),
      ),
    ),
  ]);
  const wallMs = Date.now() - started;
  const calls = callsSince(stack, from);
  const pollerId = person(poller).idCardNumber;
  const pollerStatusCalls = calls.filter(
    (c) => c.action === 'DescribeUserVerifyStatus' && c.params.IdCardNumber === pollerId,
  ).length;
  return {
    scenario: `1 user polling ${polls}x at once + ${others} new users`,
    users: others,
    links: outcomes.filter((o) => o.ok).length,
    errors: outcomes.filter((o) => !o.ok).length,
    ...countCalls(calls),
    wallMs,
    waits: outcomes.reduce((sum, o) => sum + o.waits, 0),
    notes: [`poller's ESS calls: ${pollerStatusCalls}`],
    pollerStatusCalls,
  };
}

/** Each of `users` taps twice at once: one ESS call each, the same link for both taps. */
export async function doubleTaps(
  stack: LoadStack,
  users: number,
  firstUser: number,
): Promise<ScenarioRow & { samePairs: number }> {
  const from = stack.emulator.calls().length;
  const started = Date.now();
  const pairs = await Promise.all(
    Array.from({ length: users }, (_, k) =>
      Promise.all([askForLink(stack, firstUser + k), askForLink(stack, firstUser + k)]),
    ),
  );
  const wallMs = Date.now() - started;
  const samePairs = pairs.filter(([a, b]) => a.ok && b.ok && a.path === b.path).length;
  const flat = pairs.flat();
  return {
    scenario: `2 taps at once by each of ${users} users`,
    users,
    links: flat.filter((o) => o.ok).length,
    errors: flat.filter((o) => !o.ok).length,
    ...countCalls(callsSince(stack, from)),
    wallMs,
    waits: flat.reduce((sum, o) => sum + o.waits, 0),
    notes: [`${samePairs}/${users} pairs got the same link`],
    samePairs,
  };
}

/** The rows as a Markdown table. */
export function formatTable(rows: ScenarioRow[]): string {
  const header =
    '| scenario | users | links | errors | CreateUserVerifyUrl calls | DescribeUserVerifyStatus calls | RequestLimitExceeded | waits | wall | floor | notes |';
  const line = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const body = rows.map((r) =>
    [
      r.scenario,
      r.users,
      r.links,
      r.errors,
      r.createCalls,
      r.statusCalls,
      r.rateLimited,
      r.waits,
      `${(r.wallMs / 1000).toFixed(1)} s`,
      r.floorMs
        ? `${(r.floorMs / 1000).toFixed(1)} s (${(r.wallMs / r.floorMs).toFixed(2)}x)`
        : '—',
      r.notes.join('; ') || '—',
    ].join(' | '),
  );
  return [header, line, ...body.map((b) => `| ${b} |`)].join('\n');
}
