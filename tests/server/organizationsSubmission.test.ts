/**
 * The "never submit twice" rules of enterprise registration over time (injected clock), with the
 * real ESS SDK against the emulator, and stand-in gateways where ESS's answer must be specific.
 */
import { parseAdminOpenids } from '../../server/admin';
import { loadEssConfig, type EssConfig } from '../../server/config';
import type { EssResponse } from '../../server/ess/essGateway';
import { EssCallError, EssQueuedError, type EssFailure } from '../../server/ess/essError';
import { createLogger } from '../../server/log';
import { failureIn } from '../../server/failure';
import { batchIdentity } from '../../server/organizations/batchIdentity';
import { heldCodes } from '../../server/organizations/heldCodes';
import { registrationOwnership } from '../../server/organizations/ownership';
import type { HeldCodeRecord, RegistrationBatchRecord } from '../../server/organizations/records';
import {
  IN_FLIGHT_TIMEOUT_MS,
  LEASE_TIMEOUT_MS,
  REPLAY_WINDOW_MS,
} from '../../server/organizations/submission/batchState';
import { registrationSubmission } from '../../server/organizations/submission/registrationSubmission';
import {
  parseRegistrationEvent,
  type RegistrationRequest,
} from '../../server/organizations/requests';
import { createSubmitGateway, type SubmitGateway } from '../../server/organizations/submitGateway';
import { REGISTRATION_MESSAGES, ROW_NOTES } from '../../server/organizations/wording';
import type { DocumentStore } from '../../server/store/documentStore';
import { localFileStore } from '../../server/store/localFileStore';
import { startHarness, type Harness } from '../support/functionHarness';
import { organizations } from '../support/organizationFixtures';

const OWNER = 'oAdminUser0000000000000001';
const {
  held: HELD_MESSAGE,
  notSent: NOT_SENT_MESSAGE,
  groupRefused: NOT_SUBMITTED_MESSAGE,
  outOfTime: OUT_OF_TIME_MESSAGE,
  unconfirmed: UNCONFIRMED_MESSAGE,
  beingSent: BEING_SENT_MESSAGE,
} = ROW_NOTES;
/** A call that got no answer (time-out). */
const NO_ANSWER: EssFailure = {
  essCode: 'Network.Timeout',
  essMessage: 'no answer',
  requestId: '',
  retryable: true,
  userCode: 'ESS_TIMEOUT',
};
const CREATE = 'CreateBatchOrganizationRegistrationTasks';

let h: Harness;
let config: EssConfig;
let clock: number;

beforeEach(async () => {
  h = await startHarness();
  const loaded = loadEssConfig(h.env);
  if (!loaded.ok) throw new Error(loaded.problems.join());
  config = loaded.config;
  clock = Date.now();
});
afterEach(async () => {
  await h.close();
});

// The harness captures the console: these logs stay out of the test output.
const log = createLogger();
const store = () => localFileStore(h.dataDir);
const batches = () => store().collection<RegistrationBatchRecord>('batches');
const heldStore = () => store().collection<HeldCodeRecord>('held');
/** Held codes on the same store as the service's: another submission's view of them. */
const held = () =>
  heldCodes({
    hashSecret: config.hashSecret,
    store: heldStore(),
    log,
    now: () => clock,
    lifetimeMs: REPLAY_WINDOW_MS,
    inFlightTimeoutMs: IN_FLIGHT_TIMEOUT_MS,
  });
const realGateway = (budgetMs?: number) => createSubmitGateway({ config, log, budgetMs });
/** The registration function's failure helper, as the runtime binds it. */
const fail = (code: Parameters<typeof failureIn>[1], extra?: Parameters<typeof failureIn>[2]) =>
  failureIn(REGISTRATION_MESSAGES, code, extra);

const ownershipStore = () =>
  registrationOwnership({
    tasks: store().collection('tasks'),
    subTasks: store().collection('subtasks'),
  });

function service(
  ess: SubmitGateway = realGateway(),
  ownership = ownershipStore(),
  held: DocumentStore<HeldCodeRecord> = heldStore(),
) {
  return registrationSubmission({
    config,
    ess,
    batches: batches(),
    held,
    ownership,
    fail,
    log,
    now: () => clock,
  });
}

/** Ownership whose first `recordTask` waits until `resume()` (or forever). */
function pausedOwnership() {
  const real = ownershipStore();
  let resume: () => void = () => undefined;
  const paused = new Promise<void>((resolve) => (resume = resolve));
  let reached = false;
  const ownership: typeof real = {
    ...real,
    recordTask: async (taskId, record) => {
      reached = true;
      await paused;
      return real.recordTask(taskId, record);
    },
  };
  return { ownership, resume: () => resume(), reached: () => reached };
}

function request(count: number, extra: Record<string, unknown> = {}): RegistrationRequest {
  const parsed = parseRegistrationEvent({ organizations: organizations(count), ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.invalid));
  return parsed.value;
}

/** The real gateway, but the call numbered `n` (0-based) is answered by `answer` instead. */
function gatewayReplacingCall(n: number, answer: () => Promise<EssResponse<typeof CREATE>>) {
  const real = realGateway();
  let calls = 0;
  const gateway: SubmitGateway = {
    hasTimeForCall: () => real.hasTimeForCall(),
    call: ((action, body) =>
      calls++ === n ? answer() : real.call(action, body)) as SubmitGateway['call'],
  };
  return gateway;
}

const creates = () => h.emulator.calls(CREATE);

/** The batch record of `owner`'s submission of `submitted`, read through the store interface. */
const storedBatch = (submitted: RegistrationRequest) =>
  batches().get(batchIdentity(config.hashSecret, OWNER, submitted).key);

async function until(condition: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 100 && !(await condition()); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('chunks whose outcome is unknown', () => {
  it('answers IN_PROGRESS while another call sends a chunk; later, flags only its rows', async () => {
    // An invocation that sent chunk 1 and hangs on chunk 2 (as one killed by its time-out would).
    const hanging = service(gatewayReplacingCall(1, () => new Promise(() => undefined)));
    void hanging.submit(OWNER, request(25));
    await until(async () => (await storedBatch(request(25)))?.chunks[1].state === 'inFlight');

    clock += IN_FLIGHT_TIMEOUT_MS - 1;
    const meanwhile = await service().submit(OWNER, request(25));
    expect(meanwhile).toEqual({
      ok: false,
      code: 'IN_PROGRESS',
      message: '第11–20家企业：上一次提交仍在处理中，请稍后刷新查看',
    });
    // Chunk 3 is not sent either: the live invocation would send it too.
    expect(creates()).toHaveLength(1);

    // That invocation has died: its chunk is as unknown as a time-out, the rest goes on.
    clock += 1;
    const later = await service().submit(OWNER, request(25));
    expect(later).toMatchObject({ ok: true, replayed: false });
    if (!later.ok) return;
    expect(later.taskIds).toHaveLength(2);
    expect(later.errorMessages).toEqual([
      ...Array(10).fill(''),
      ...Array(10).fill(UNCONFIRMED_MESSAGE),
      ...Array(5).fill(''),
    ]);
    expect(later.rowStatuses).toEqual([
      ...Array(10).fill('submitted'),
      ...Array(10).fill('unconfirmed'),
      ...Array(5).fill('submitted'),
    ]);
    expect(creates()).toHaveLength(2);
    expect((creates()[1].params.RegistrationOrganizations as unknown[]).length).toBe(5);

    expect(await service().submit(OWNER, request(25))).toEqual({ ...later, replayed: true });
    expect(creates()).toHaveLength(2);
  });
});

describe('enterprises held across submissions (sent without an answer)', () => {
  const codes = (count: number) => organizations(count).map((row) => row.uniformSocialCreditCode);
  const sentCount = (call: number) =>
    (creates()[call].params.RegistrationOrganizations as unknown[]).length;

  it('holds an enterprise another invocation is sending right now, confirmed or not', async () => {
    // An invocation hanging in its ESS call (as one killed by its time-out would).
    const hanging = service(gatewayReplacingCall(0, () => new Promise(() => undefined)));
    const hangingRequest = request(3, { requestKey: 'hanging-1' });
    void hanging.submit(OWNER, hangingRequest);
    await until(async () => (await storedBatch(hangingRequest))?.chunks[0].state === 'inFlight');

    clock += IN_FLIGHT_TIMEOUT_MS - 1;
    // The operator's word cannot cover a call under way: all three held, nothing sent.
    const meanwhile = await service().submit(
      OWNER,
      request(3, { requestKey: 'other-1', confirmedNotSubmitted: codes(3) }),
    );
    expect(meanwhile).toEqual({
      ok: true,
      taskIds: [],
      errorMessages: Array(3).fill(HELD_MESSAGE),
      rowStatuses: Array(3).fill('unconfirmed'),
      replayed: false,
    });
    expect(creates()).toHaveLength(0);

    // That invocation has died: its enterprises are unconfirmed, held until confirmed.
    clock += 1;
    const unconfirmed = await service().submit(OWNER, request(3, { requestKey: 'other-2' }));
    expect(unconfirmed.ok && unconfirmed.rowStatuses).toEqual(Array(3).fill('unconfirmed'));
    expect(creates()).toHaveLength(0);
    const confirmed = await service().submit(
      OWNER,
      request(3, { requestKey: 'other-3', confirmedNotSubmitted: codes(1) }),
    );
    expect(confirmed.ok && confirmed.rowStatuses).toEqual([
      'submitted',
      'unconfirmed',
      'unconfirmed',
    ]);
    expect(creates()).toHaveLength(1);
    expect(sentCount(0)).toBe(1);
  });

  it('forgets held enterprises after 7 days (the links’ lifetime)', async () => {
    const timeout: SubmitGateway = {
      hasTimeForCall: () => true,
      call: (async () => {
        throw new EssCallError(CREATE, NO_ANSWER, 1);
      }) as SubmitGateway['call'],
    };
    const first = await service(timeout).submit(OWNER, request(2, { requestKey: 'slow-1' }));
    expect(first.ok && first.rowStatuses).toEqual(['unconfirmed', 'unconfirmed']);

    clock += REPLAY_WINDOW_MS - 1;
    const held = await service().submit(OWNER, request(2, { requestKey: 'late-1' }));
    expect(held.ok && held.errorMessages).toEqual([HELD_MESSAGE, HELD_MESSAGE]);
    clock += 1;
    const sent = await service().submit(OWNER, request(2, { requestKey: 'late-2' }));
    expect(sent.ok && sent.rowStatuses).toEqual(['submitted', 'submitted']);
    expect(creates()).toHaveLength(1);
    expect(sentCount(0)).toBe(2);
  });

  it('a request key reused with other confirmations is another request: refused', async () => {
    await service().submit(OWNER, request(2, { requestKey: 'k-1' }));
    const reused = await service().submit(
      OWNER,
      request(2, { requestKey: 'k-1', confirmedNotSubmitted: codes(1) }),
    );
    expect(reused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(creates()).toHaveLength(1);
  });

  it('names the chunk by the positions of the rows it holds when rows before it are held', async () => {
    const timeout = gatewayReplacingCall(0, () => new Promise(() => undefined));
    const hangingRequest = request(2, { requestKey: 'hang-2' });
    void service(timeout).submit(OWNER, hangingRequest);
    await until(async () => (await storedBatch(hangingRequest))?.chunks[0].state === 'inFlight');
    // Rows 1–2 held (being sent); rows 3–14 go in chunks of 10: positions 3–12 and 13–14.
    const paused = pausedOwnership();
    const second = service(realGateway(), paused.ownership).submit(
      OWNER,
      request(14, { requestKey: 'wide-1' }),
    );
    await until(paused.reached);
    const meanwhile = await service().submit(OWNER, request(14, { requestKey: 'wide-1' }));
    expect(meanwhile).toMatchObject({
      code: 'IN_PROGRESS',
      message: '第13–14家企业：上一次提交仍在处理中，请稍后刷新查看',
    });
    paused.resume();
    const done = await second;
    expect(done.ok && done.rowStatuses).toEqual([
      'unconfirmed',
      'unconfirmed',
      ...Array(12).fill('submitted'),
    ]);
    expect([sentCount(0), sentCount(1)]).toEqual([10, 2]);
  });
});

describe('one invocation at a time (the batch lease)', () => {
  it('a retry arriving between two chunks answers IN_PROGRESS and sends nothing', async () => {
    const paused = pausedOwnership();
    const first = service(realGateway(), paused.ownership).submit(OWNER, request(15));
    // Chunk 0 is saved `submitted`, its owner being recorded; chunk 1 is not marked yet.
    await until(paused.reached);
    expect((await storedBatch(request(15)))?.chunks.map((chunk) => chunk.state)).toEqual([
      'submitted',
      'pending',
    ]);

    const meanwhile = await service().submit(OWNER, request(15));
    expect(meanwhile).toEqual({
      ok: false,
      code: 'IN_PROGRESS',
      message: '第11–15家企业：上一次提交仍在处理中，请稍后刷新查看',
    });
    expect(creates()).toHaveLength(1);

    paused.resume();
    const done = await first;
    expect(done).toMatchObject({ ok: true, rowStatuses: Array(15).fill('submitted') });
    expect(done.ok && done.taskIds).toHaveLength(2);
    expect(creates()).toHaveLength(2);
    // Given back when done: the next retry answers the stored result.
    expect((await storedBatch(request(15)))?.lease).toBeUndefined();
    expect(await service().submit(OWNER, request(15))).toEqual({ ...done, replayed: true });
    expect(creates()).toHaveLength(2);
  });

  it('a lease not renewed for LEASE_TIMEOUT_MS is taken over (its invocation is gone)', async () => {
    const paused = pausedOwnership();
    // Never resumed: an invocation killed after its first chunk.
    void service(realGateway(), paused.ownership).submit(OWNER, request(15));
    await until(paused.reached);
    const lease = (await storedBatch(request(15)))?.lease;
    expect(lease).toEqual({ holder: expect.stringMatching(/^[0-9a-f]{16}$/), since: clock });

    clock += LEASE_TIMEOUT_MS - 1;
    expect(await service().submit(OWNER, request(15))).toMatchObject({ code: 'IN_PROGRESS' });
    clock += 1;
    const later = await service().submit(OWNER, request(15));
    expect(later).toMatchObject({ ok: true, rowStatuses: Array(15).fill('submitted') });
    expect(creates()).toHaveLength(2);
    expect((creates()[1].params.RegistrationOrganizations as unknown[]).length).toBe(5);
  });
});

describe('ESS refusing enterprises', () => {
  it('marks the refused chunk’s other rows as not submitted, and sends it again on retry', async () => {
    const refusal = async () => ({ ErrorMessages: ['', '企业三要素不通过'], RequestId: 'stub' });
    const first = await service(gatewayReplacingCall(1, refusal)).submit(OWNER, request(12));
    expect(first).toMatchObject({ ok: true, replayed: false });
    if (!first.ok) return;
    expect(first.taskIds).toHaveLength(1);
    expect(first.errorMessages.slice(9)).toEqual(['', NOT_SUBMITTED_MESSAGE, '企业三要素不通过']);
    expect(first.rowStatuses).toEqual([...Array(10).fill('submitted'), 'failed', 'refused']);
    expect(creates()).toHaveLength(1);

    const retried = await service().submit(OWNER, request(12));
    expect(retried).toMatchObject({ ok: true, replayed: false, errorMessages: Array(12).fill('') });
    expect(retried.ok && retried.taskIds[0]).toBe(first.taskIds[0]);
    expect(creates()).toHaveLength(2);
  });

  it('masks the personal values ESS quotes back before answering or storing them', async () => {
    const quoting = async () => ({
      ErrorMessages: ['', '法定代表人李四与企业信息不一致，超管手机号13900139000'],
      RequestId: 'stub-quote',
    });
    const result = await service(gatewayReplacingCall(1, quoting)).submit(OWNER, request(12));
    if (!result.ok) throw new Error('expected an answer');
    expect(result.errorMessages[11]).toBe('法定代表人*四与企业信息不一致，超管手机号139****9000');
    expect(JSON.stringify(result)).not.toMatch(/李四|13900139000/);
  });

  it('a later chunk answered with neither a task nor a reason does not hide the earlier task', async () => {
    const empty = async () => ({ RequestId: 'stub-empty' });
    const result = await service(gatewayReplacingCall(1, empty)).submit(OWNER, request(25));
    expect(result).toMatchObject({
      ok: true,
      taskIds: [expect.any(String)],
      rowStatuses: [...Array(10).fill('submitted'), ...Array(15).fill('failed')],
    });
    if (!result.ok) return;
    expect(result.errorMessages[10]).toMatch(/腾讯电子签暂时无法处理/);
    expect(result.errorMessages[20]).toBe(NOT_SENT_MESSAGE);
    expect(creates()).toHaveLength(1);
  });

  it('answers ESS_FAILED when ESS answers neither a task nor a reason', async () => {
    const empty = async () => ({ RequestId: 'stub-empty' });
    const result = await service(gatewayReplacingCall(0, empty)).submit(OWNER, request(2));
    expect(result).toMatchObject({ ok: false, code: 'ESS_FAILED', requestId: 'stub-empty' });
    // Nothing was created: the same request is sent again.
    expect(await service().submit(OWNER, request(2))).toMatchObject({ ok: true, replayed: false });
  });
});

describe('time', () => {
  it('stops before a chunk that would not fit the time budget; a retry continues', async () => {
    // Time for exactly one ESS call (decided by count, not by the clock of a busy machine).
    const real = realGateway();
    let checks = 0;
    const tight: SubmitGateway = { call: real.call, hasTimeForCall: () => checks++ === 0 };
    const first = await service(tight).submit(OWNER, request(15));
    // The task of the first chunk is answered; the rest is said not to be sent yet.
    expect(first).toMatchObject({
      ok: true,
      taskIds: [expect.any(String)],
      errorMessages: [...Array(10).fill(''), ...Array(5).fill(OUT_OF_TIME_MESSAGE)],
      rowStatuses: [...Array(10).fill('submitted'), ...Array(5).fill('failed')],
    });
    expect(creates()).toHaveLength(1);

    const retried = await service().submit(OWNER, request(15));
    expect(retried).toMatchObject({ ok: true, replayed: false });
    expect(retried.ok && retried.taskIds).toHaveLength(2);
    expect(retried.ok && first.ok && retried.taskIds[0]).toBe(first.ok && first.taskIds[0]);
    expect(creates()).toHaveLength(2);
  });

  it('a chunk that got no turn at ESS (queued) was not sent: pending again, nothing held', async () => {
    const queued = gatewayReplacingCall(1, async () => {
      throw new EssQueuedError(CREATE, 1500);
    });
    const first = await service(queued).submit(OWNER, request(15));
    expect(first).toMatchObject({
      ok: true,
      rowStatuses: [...Array(10).fill('submitted'), ...Array(5).fill('failed')],
    });
    expect(first.ok && first.errorMessages[10]).toBe(REGISTRATION_MESSAGES.QUEUED);
    // Its enterprises are free: the retry sends them, once.
    const retried = await service().submit(OWNER, request(15));
    expect(retried).toMatchObject({ ok: true, rowStatuses: Array(15).fill('submitted') });
    expect(creates()).toHaveLength(2);

    const none = await service(
      gatewayReplacingCall(0, async () => {
        throw new EssQueuedError(CREATE, 800);
      }),
    ).submit(OWNER, request(2, { requestKey: 'queued-2' }));
    expect(none).toMatchObject({ ok: false, code: 'QUEUED', retryAfterMs: 800 });
  });

  it('answers ESS_TIMEOUT when not even the first chunk fits the time budget', async () => {
    const none: SubmitGateway = { hasTimeForCall: () => false, call: realGateway().call };
    expect(await service(none).submit(OWNER, request(3))).toMatchObject({
      ok: false,
      code: 'ESS_TIMEOUT',
      message: OUT_OF_TIME_MESSAGE,
    });
    expect(creates()).toHaveLength(0);
  });

  it('replays a submission for 7 days (the links’ lifetime), then treats it as new', async () => {
    const first = await service().submit(OWNER, request(3));
    clock += REPLAY_WINDOW_MS - 1;
    expect(await service().submit(OWNER, request(3))).toEqual({
      ...first,
      replayed: true,
    });
    clock += 1;
    const renewed = await service().submit(OWNER, request(3));
    expect(renewed).toMatchObject({ ok: true, replayed: false });
    expect(renewed.ok && first.ok && renewed.taskIds[0]).not.toBe(first.ok && first.taskIds[0]);
    expect(creates()).toHaveLength(2);
  });
});

describe('conditional writes (transact): no double submission even at the same moment', () => {
  it('two invocations of the same submission started together: ESS gets the rows once', async () => {
    const results = await Promise.all([
      service().submit(OWNER, request(3)),
      service().submit(OWNER, request(3)),
    ]);
    expect(creates()).toHaveLength(1);
    const sent = results.filter((result) => result.ok && !result.replayed);
    expect(sent).toHaveLength(1);
    // The other one was told it is under way, or (came after) answered the stored result.
    const other = results.find((result) => result !== sent[0]);
    expect(
      other?.ok ? other.replayed : other?.code === 'IN_PROGRESS' && other.message,
    ).toBeTruthy();
    expect((await storedBatch(request(3)))?.lease).toBeUndefined();
  });

  it('an enterprise another submission took meanwhile is not sent: IN_PROGRESS, no ESS call', async () => {
    const rows = request(3, { requestKey: 'late-look' });
    // Another submission of the same operator takes enterprise 2 for its ESS call …
    const other = held();
    expect(await other.take(OWNER, [rows.organizations[1].uniformSocialCreditCode])).toEqual([]);
    // … after this one looked its enterprises up (its lookup saw none held).
    const real = heldStore();
    const lookedUpEarlier: DocumentStore<HeldCodeRecord> = { ...real, get: async () => null };
    const result = await service(realGateway(), ownershipStore(), lookedUpEarlier).submit(
      OWNER,
      rows,
    );
    expect(result).toEqual({
      ok: false,
      code: 'IN_PROGRESS',
      message: '第1–3家企业：上一次提交仍在处理中，请稍后刷新查看',
    });
    expect(creates()).toHaveLength(0);
    // What it took for itself was given back; the other submission's entry stays.
    const mine = await other.lookup(
      OWNER,
      rows.organizations.map((row) => row.uniformSocialCreditCode),
    );
    expect([...mine.entries()]).toEqual([
      [rows.organizations[1].uniformSocialCreditCode, 'inFlight'],
    ]);
  });

  it('a chunk whose enterprises are being sent elsewhere says so when others were taken', async () => {
    const rows = request(12, { requestKey: 'wide-busy' });
    const other = held();
    await other.take(OWNER, [rows.organizations[11].uniformSocialCreditCode]);
    const real = heldStore();
    const lookedUpEarlier: DocumentStore<HeldCodeRecord> = { ...real, get: async () => null };
    const result = await service(realGateway(), ownershipStore(), lookedUpEarlier).submit(
      OWNER,
      rows,
    );
    expect(result).toMatchObject({
      ok: true,
      taskIds: [expect.any(String)],
      rowStatuses: [...Array(10).fill('submitted'), 'failed', 'failed'],
    });
    expect(result.ok && result.errorMessages.slice(10)).toEqual([
      BEING_SENT_MESSAGE,
      BEING_SENT_MESSAGE,
    ]);
    expect(creates()).toHaveLength(1);
  });
});

describe('held codes', () => {
  it('are taken by one caller at a time, until given back, marked or stale', async () => {
    expect(await held().take(OWNER, ['A', 'B'])).toEqual([]);
    // Taken: nobody else gets A, and B (free) is not kept by the refused taker.
    expect(await held().take(OWNER, ['B', 'C'])).toEqual(['B']);
    expect([...(await held().lookup(OWNER, ['A', 'B', 'C'])).keys()].sort()).toEqual(['A', 'B']);
    // Another operator's A is another entry.
    expect(await held().take('oOtherOperator', ['A'])).toEqual([]);

    await held().forget(OWNER, ['B']);
    expect(await held().take(OWNER, ['B'])).toEqual([]);
    await held().markUnconfirmed(OWNER, ['B']);
    clock += IN_FLIGHT_TIMEOUT_MS;
    // A's taker is gone: unconfirmed, still held. B: unconfirmed.
    expect(Object.fromEntries(await held().lookup(OWNER, ['A', 'B']))).toEqual({
      A: 'unconfirmed',
      B: 'unconfirmed',
    });
    expect(await held().take(OWNER, ['A'])).toEqual(['A']);
    clock += REPLAY_WINDOW_MS;
    expect(await held().take(OWNER, ['A', 'B'])).toEqual([]);
  });
});

describe('ADMIN_OPENIDS', () => {
  it('is a comma-separated list, spaces trimmed, empty entries ignored', () => {
    expect([...parseAdminOpenids(' oA1 , oB2，oC3,, ')]).toEqual(['oA1', 'oB2', 'oC3']);
    expect(parseAdminOpenids(undefined).size).toBe(0);
    expect(parseAdminOpenids(' , ').size).toBe(0);
  });
});
