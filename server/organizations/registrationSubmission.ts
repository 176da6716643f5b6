/**
 * Submitting enterprises for registration without ever submitting them twice.
 *
 * ESS CreateBatchOrganizationRegistrationTasks is not idempotent and takes at most 10 enterprises,
 * so a submission is sent as chunks of 10, one ESS task each. Its batch record (see `records.ts`),
 * keyed by the caller and their request key or the normalised payload (`batchIdentity.ts`), holds
 * the state of every chunk and is written before and after each ESS call:
 *
 * - before the call the chunk is marked `inFlight`; after it, `submitted` with its TaskId (then
 *   the task's owner is recorded), or back to `pending` when ESS answered that it did nothing;
 * - a retry of the same submission sends only the `pending` chunks; when none is left it answers
 *   the stored TaskIds with `replayed: true` and makes no ESS call;
 * - a call that got no answer (time-out, connection lost) leaves the chunk `unconfirmed`.
 *
 * One invocation at a time sends a batch's chunks: it claims the batch with a lease (`lease:
 * { holder, since }`, written before the first chunk and renewed with every write) and gives it
 * back when done. Another invocation finding a fresh lease held by someone else answers
 * `IN_PROGRESS` and touches nothing, so a retry arriving between two chunks (after chunk i was
 * saved `submitted`, before chunk i+1 is marked `inFlight`) does not send chunk i+1 as well.
 *
 * The decision for chunks whose outcome is unknown: they are never sent again automatically.
 * - A chunk `inFlight` for less than `IN_FLIGHT_TIMEOUT_MS` (well above the function time-out)
 *   may still be being sent by another invocation: the retry answers `IN_PROGRESS`.
 * - A call that got no answer leaves its chunk `unconfirmed`, and the invocation sends no further
 *   chunk (ESS is struggling). An `inFlight` marker older than `IN_FLIGHT_TIMEOUT_MS` means that
 *   invocation died mid-call: just as unknown. ESS may have created the task, and a second task
 *   for the same enterprises (duplicate links, an admin unsure which to use) is worse than asking
 *   the operator to look those few enterprises up in the ESS console once.
 *
 * Across submissions (another request key, the rows pasted again after a reload, another device):
 * every enterprise of a chunk is recorded as held for its owner before the chunk's ESS call
 * (`heldCodes.ts`), and forgotten once ESS answered. What is left (no answer) stays held for 7
 * days: a new batch of that owner does not send those rows (`heldRows`, decided when the batch is
 * created and kept for its replays) and answers them `unconfirmed` — unless the request lists
 * their codes in `confirmedNotSubmitted` (the admin checked the ESS console): those are forgotten
 * and sent. An enterprise being sent right now by another invocation is held even so.
 *
 * The answer: as soon as any chunk of the batch was taken by ESS or is unconfirmed, `ok: true`
 * with the TaskIds known so far, a message per enterprise and its status (`rowStatuses`:
 * submitted, refused, failed = not sent and safe to send again, unconfirmed = check the ESS
 * console first). A chunk that failed (ESS busy or rejecting the call, time running out) does not
 * hide the TaskIds of the chunks before it. Only when nothing at all was taken (nor may have been)
 * is a failure answered (`ok: false`, e.g. `ESS_REJECTED`, `ESS_UNAVAILABLE`, `ESS_TIMEOUT`).
 *
 * Not covered: two invocations of the same submission at the very same moment. The document store
 * has no conditional write: both may read "no lease", both write theirs, and each may read its own
 * back before the other's write lands (the read-back only narrows that window to the time between
 * one invocation's write and the other's). The page disables its submit button while a submission
 * runs, so only two deliveries of one call within milliseconds could meet there.
 */
import { randomBytes } from 'crypto';
import type { ErrorCode } from '../../src/domain/errors';
import { messageFor } from '../../src/domain/errors';
import type {
  CreateBatchOrganizationRegistrationTasksResult,
  OrganizationRow,
  RegistrationRowStatus,
} from '../../src/domain/organizationContract';
import { ESS_MAX_ORGANIZATIONS_PER_TASK } from '../../src/domain/organizationInput';
import type { FailureResult } from '../../src/domain/verificationContract';
import type { EssConfig } from '../config';
import { EssCallError } from '../ess/essError';
import { failure } from '../failure';
import type { Logger } from '../log';
import type { DocumentStore } from '../store/documentStore';
import { batchIdentity, type BatchIdentity } from './batchIdentity';
import { chunkRows, essRegistrationRequest } from './essRegistration';
import { heldCodes } from './heldCodes';
import { REGISTRATION_MESSAGES } from './messages';
import type { RegistrationOwnership } from './ownership';
import type {
  ChunkRecord,
  HeldCodeRecord,
  RegistrationBatchRecord,
  RegistrationTaskRecord,
} from './records';
import type { RegistrationRequest } from './requests';
import { essAnswered, type SubmitGateway } from './submitGateway';

/** Longer than any invocation runs (the functions' time-out is 20 s, ESS calls stop at 15 s). */
export const IN_FLIGHT_TIMEOUT_MS = 60_000;
/** A lease not renewed for this long belongs to an invocation that is gone. */
export const LEASE_TIMEOUT_MS = IN_FLIGHT_TIMEOUT_MS;
/** ESS registration links live 7 days: after that the same rows are a new submission. */
export const REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export const NOT_SUBMITTED_MESSAGE = '同组提交的其他企业信息有误，本企业未提交，请修正后重新提交';
export const NOT_SENT_MESSAGE =
  '前面的企业未能提交，本企业尚未发送给腾讯电子签，可直接再次提交（已提交的企业不会重复提交）';
export const UNCONFIRMED_MESSAGE =
  '上次提交没有收到腾讯电子签的答复，可能已提交成功，为避免重复提交未再提交：请到腾讯电子签控制台核对，确未提交的请作为新的提交重新发起';
/** A row not sent because an earlier submission of the same admin sent it without an answer. */
export const HELD_MESSAGE =
  '该企业上次提交未得到腾讯电子签答复，可能已提交成功；请先在控制台核对，确认未提交后再勾选重新提交';
export const OUT_OF_TIME_MESSAGE =
  '腾讯电子签响应较慢，部分企业尚未提交。请再次提交以继续，已提交的企业不会重复提交';
const REQUEST_KEY_REUSED_MESSAGE = '这个提交编号已用于另一批企业，请刷新页面后重新提交';
/** `essCode` of a chunk whose invocation died mid-call (its `inFlight` marker went stale). */
const LOST_INVOCATION = 'Invocation.Lost';

export interface RegistrationSubmissionDeps {
  config: EssConfig;
  ess: SubmitGateway;
  batches: DocumentStore<RegistrationBatchRecord>;
  /** Where the enterprises sent without an answer are kept (the batches collection). */
  held: DocumentStore<HeldCodeRecord>;
  ownership: RegistrationOwnership;
  log: Logger;
  now?: () => number;
  /** The id of this invocation's lease (random by default). */
  leaseHolder?: () => string;
}

type SubmitResult = CreateBatchOrganizationRegistrationTasksResult;
type ChunkOutcome =
  | { kind: 'submitted' }
  | { kind: 'refused'; errorMessages: string[] }
  /** ESS answered that it did nothing (the chunk is `pending` again). */
  | { kind: 'failed'; failure: FailureResult }
  /** No answer: the chunk is `unconfirmed`. */
  | { kind: 'unconfirmed' };

/** What this invocation learnt about a chunk that is (still or again) `pending`. */
type PendingNote =
  { kind: 'refused'; errorMessages: string[] } | { kind: 'failed'; message: string };

interface RowOutcome {
  status: RegistrationRowStatus;
  message: string;
}

/** The rows a batch sends, chunk by chunk, with their indexes in the submitted list. */
interface ChunkPlan {
  rows: OrganizationRow[][];
  indexes: number[][];
}

function planChunks(organizations: readonly OrganizationRow[], heldRows: readonly number[]) {
  const held = new Set(heldRows);
  const sent = organizations.flatMap((_row, index) => (held.has(index) ? [] : [index]));
  const indexes = chunkRows(sent);
  return { indexes, rows: indexes.map((chunk) => chunk.map((index) => organizations[index])) };
}

const indexesWhere = (chunks: ChunkRecord[], test: (chunk: ChunkRecord) => boolean) =>
  chunks.flatMap((chunk, index) => (test(chunk) ? [index] : []));

/** Being sent by a live invocation (as far as anyone can tell). */
const isLive = (chunk: ChunkRecord, now: number) =>
  chunk.state === 'inFlight' && now - chunk.since < IN_FLIGHT_TIMEOUT_MS;

/** ESS took it, or may have: the answer is then `ok: true` whatever else went wrong. */
const mayBeTaken = (chunk: ChunkRecord) =>
  chunk.state === 'submitted' || chunk.state === 'unconfirmed' || chunk.state === 'inFlight';

/** `第1–10、21–25家企业` for chunks 0 and 2 of 25 enterprises (positions in the submitted list). */
function describeChunks(chunkIndexes: number[], plan: ChunkPlan): string {
  const positions = chunkIndexes.flatMap((index) => plan.indexes[index]).sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const position of positions) {
    const last = ranges[ranges.length - 1];
    if (last && position === last[1] + 1) last[1] = position;
    else ranges.push([position, position]);
  }
  const text = ranges.map(([first, last]) =>
    first === last ? `${first + 1}` : `${first + 1}–${last + 1}`,
  );
  return `第${text.join('、')}家企业`;
}

function newBatch(
  owner: string,
  identity: BatchIdentity,
  count: number,
  heldRows: number[],
  now: number,
): RegistrationBatchRecord {
  const chunkCount = Math.ceil((count - heldRows.length) / ESS_MAX_ORGANIZATIONS_PER_TASK);
  return {
    owner,
    payloadHash: identity.payloadHash,
    organizationCount: count,
    ...(heldRows.length > 0 ? { heldRows } : {}),
    chunks: Array.from({ length: chunkCount }, () => ({ state: 'pending' })),
    createdAt: now,
    updatedAt: now,
  };
}

/** `IN_PROGRESS`, naming the enterprises concerned. */
function inProgress(chunkIndexes: number[], plan: ChunkPlan): FailureResult {
  return failure('IN_PROGRESS', {
    message: `${describeChunks(chunkIndexes, plan)}：${messageFor('IN_PROGRESS')}`,
  });
}

/** A failure in the admin functions' wording. */
function registrationFailure(code: ErrorCode, requestId?: string): FailureResult {
  const message = REGISTRATION_MESSAGES[code];
  return failure(code, { ...(message ? { message } : {}), ...(requestId ? { requestId } : {}) });
}

/** What became of each of a chunk's enterprises. */
function chunkOutcomes(chunk: ChunkRecord, size: number, note?: PendingNote): RowOutcome[] {
  return Array.from({ length: size }, (_, row): RowOutcome => {
    if (chunk.state === 'submitted') {
      const message = chunk.errorMessages[row] ?? '';
      return { status: message ? 'refused' : 'submitted', message };
    }
    if (chunk.state !== 'pending') return { status: 'unconfirmed', message: UNCONFIRMED_MESSAGE };
    if (note?.kind === 'refused') {
      const message = note.errorMessages[row];
      return message
        ? { status: 'refused', message }
        : { status: 'failed', message: NOT_SUBMITTED_MESSAGE };
    }
    return { status: 'failed', message: note?.message ?? NOT_SENT_MESSAGE };
  });
}

/** The answer: TaskIds of the submitted chunks, a message and a status per enterprise. */
function resultOf(
  batch: RegistrationBatchRecord,
  plan: ChunkPlan,
  notes: ReadonlyMap<number, PendingNote>,
  replayed: boolean,
): SubmitResult {
  const taskIds = batch.chunks.flatMap((chunk) =>
    chunk.state === 'submitted' ? [chunk.taskId] : [],
  );
  const rows: RowOutcome[] = [];
  for (const index of batch.heldRows ?? []) {
    rows[index] = { status: 'unconfirmed', message: HELD_MESSAGE };
  }
  batch.chunks.forEach((chunk, index) => {
    const indexes = plan.indexes[index];
    chunkOutcomes(chunk, indexes.length, notes.get(index)).forEach((outcome, row) => {
      rows[indexes[row]] = outcome;
    });
  });
  return {
    ok: true,
    taskIds,
    errorMessages: rows.map((row) => row.message),
    rowStatuses: rows.map((row) => row.status),
    replayed,
  };
}

const randomHolder = () => randomBytes(8).toString('hex');

export function registrationSubmission(deps: RegistrationSubmissionDeps) {
  const { config, ess, batches, ownership, log } = deps;
  const now = deps.now ?? Date.now;
  const leaseHolder = deps.leaseHolder ?? randomHolder;
  const held = heldCodes({
    hashSecret: config.hashSecret,
    store: deps.held,
    log,
    now,
    lifetimeMs: REPLAY_WINDOW_MS,
    inFlightTimeoutMs: IN_FLIGHT_TIMEOUT_MS,
  });

  const taskRecord = (
    owner: string,
    batchKey: string,
    chunkIndex: number,
    organizationCount: number,
    createdAt: number,
  ): RegistrationTaskRecord => ({ owner, batchKey, chunkIndex, organizationCount, createdAt });

  /**
   * Rows of a new batch not to send: their enterprise was sent by an earlier submission of
   * `owner` without an answer, and the admin has not confirmed it was not registered (or it is
   * being sent right now). The confirmed ones are forgotten.
   */
  async function heldRowsOf(owner: string, request: RegistrationRequest): Promise<number[]> {
    const codes = request.organizations.map((row) => row.uniformSocialCreditCode);
    const confirmed = new Set(request.confirmedNotSubmitted ?? []);
    const known = await held.lookup(owner, [...codes, ...confirmed]);
    const released = [...confirmed].filter((code) => known.get(code) === 'unconfirmed');
    if (released.length > 0) {
      await held.forget(owner, released);
      log.info('enterprises confirmed not submitted by the admin', { count: released.length });
    }
    const heldRows = codes.flatMap((code, index) => {
      const state = known.get(code);
      return !state || (state === 'unconfirmed' && confirmed.has(code)) ? [] : [index];
    });
    if (heldRows.length > 0) {
      log.warn('enterprises sent earlier without an answer: not sent again', {
        held: heldRows.length,
      });
    }
    return heldRows;
  }

  /** Sends one chunk; every write of the batch renews the lease of `holder`. */
  async function submitChunk(
    batch: RegistrationBatchRecord,
    batchKey: string,
    holder: string,
    index: number,
    rows: OrganizationRow[],
    request: RegistrationRequest,
  ): Promise<ChunkOutcome> {
    const { owner } = batch;
    const codes = rows.map((row) => row.uniformSocialCreditCode);
    const save = (chunk: ChunkRecord) => {
      const at = now();
      batch.chunks[index] = chunk;
      batch.lease = { holder, since: at };
      batch.updatedAt = at;
      return batches.put(batchKey, batch);
    };
    try {
      // Held before the call: should this invocation die during it, no other submission of this
      // admin sends these enterprises.
      await held.mark(owner, codes, 'inFlight');
      await save({ state: 'inFlight', since: now() });
    } catch (error) {
      // Nothing was sent.
      await held.forget(owner, codes);
      throw error;
    }
    let response;
    try {
      response = await ess.call(
        'CreateBatchOrganizationRegistrationTasks',
        essRegistrationRequest(rows, request),
      );
    } catch (error) {
      if (!(error instanceof EssCallError)) throw error;
      const { essCode, requestId, userCode } = error.failure;
      if (essAnswered(error.failure)) {
        await save({ state: 'pending' });
        await held.forget(owner, codes);
        log.warn('registration chunk not taken by ESS', { chunk: index, essCode, requestId });
        return { kind: 'failed', failure: registrationFailure(userCode, requestId) };
      }
      await save({ state: 'unconfirmed', since: now(), essCode });
      try {
        await held.mark(owner, codes, 'unconfirmed');
      } catch {
        // Still `inFlight`: held all the same (as unconfirmed once the in-flight time-out passes).
        log.warn('could not mark the enterprises unconfirmed', { chunk: index });
      }
      log.error('registration chunk sent without an answer: not sent again', {
        chunk: index,
        essCode,
      });
      return { kind: 'unconfirmed' };
    }

    const errorMessages = response.ErrorMessages ?? [];
    if (!response.TaskId) {
      await save({ state: 'pending' });
      await held.forget(owner, codes);
      if (!errorMessages.some(Boolean)) {
        log.error('ESS answered neither a TaskId nor errors', { requestId: response.RequestId });
        return { kind: 'failed', failure: registrationFailure('ESS_FAILED', response.RequestId) };
      }
      log.info('registration chunk refused by ESS', {
        chunk: index,
        requestId: response.RequestId,
      });
      return { kind: 'refused', errorMessages };
    }
    const submittedAt = now();
    // Logged first: should the writes below fail, the operator still finds the task.
    log.info('registration task created', {
      chunk: index,
      taskId: response.TaskId,
      organizations: rows.length,
      requestId: response.RequestId,
    });
    await save({
      state: 'submitted',
      taskId: response.TaskId,
      errorMessages,
      essRequestId: response.RequestId,
      submittedAt,
    });
    await ownership.recordTask(
      response.TaskId,
      taskRecord(owner, batchKey, index, rows.length, submittedAt),
    );
    await held.forget(owner, codes);
    return { kind: 'submitted' };
  }

  /**
   * Claims the batch for `holder`: false when another invocation holds a fresh lease, or wrote
   * its own over ours meanwhile (read back after writing; see the file comment for what is left).
   */
  async function claim(
    batch: RegistrationBatchRecord,
    batchKey: string,
    holder: string,
  ): Promise<boolean> {
    const at = now();
    const { lease } = batch;
    if (lease && lease.holder !== holder && at - lease.since < LEASE_TIMEOUT_MS) return false;
    // Chunks whose invocation died mid-call are as unknown as a time-out.
    batch.chunks = batch.chunks.map((chunk) =>
      chunk.state === 'inFlight'
        ? { state: 'unconfirmed', since: chunk.since, essCode: LOST_INVOCATION }
        : chunk,
    );
    batch.lease = { holder, since: at };
    batch.updatedAt = at;
    await batches.put(batchKey, batch);
    const stored = await batches.get(batchKey);
    return stored?.lease?.holder === holder;
  }

  /** Gives the batch back; a failure here only delays a retry until the lease is stale. */
  async function release(batch: RegistrationBatchRecord, batchKey: string): Promise<void> {
    const { lease: _released, ...rest } = batch;
    try {
      await batches.put(batchKey, { ...rest, updatedAt: now() });
    } catch (error) {
      log.warn('could not release the batch lease', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  return {
    /** `request` must come from `parseRegistrationEvent` (validated and normalised). */
    async submit(owner: string, request: RegistrationRequest): Promise<SubmitResult> {
      const identity = batchIdentity(config.hashSecret, owner, request);
      const stored = await batches.get(identity.key);
      if (stored && stored.payloadHash !== identity.payloadHash) {
        log.warn('request key reused for other enterprises');
        return failure('INVALID_INPUT', { message: REQUEST_KEY_REUSED_MESSAGE });
      }
      const batch =
        stored && now() - stored.createdAt < REPLAY_WINDOW_MS
          ? stored
          : newBatch(
              owner,
              identity,
              request.organizations.length,
              await heldRowsOf(owner, request),
              now(),
            );
      const plan = planChunks(request.organizations, batch.heldRows ?? []);
      if (plan.rows.length !== batch.chunks.length) {
        throw new Error('registration batch does not match its request');
      }
      if (batch.chunks.length === 0) {
        // Every enterprise is held: nothing to send, nothing to remember.
        return resultOf(batch, plan, new Map(), false);
      }

      const live = indexesWhere(batch.chunks, (chunk) => isLive(chunk, now()));
      if (live.length > 0) {
        log.warn('submission still being sent by another invocation', { chunks: live.join(',') });
        return inProgress(live, plan);
      }

      const pending = indexesWhere(batch.chunks, (chunk) => chunk.state === 'pending');
      if (pending.length === 0) {
        for (const [index, chunk] of batch.chunks.entries()) {
          if (chunk.state !== 'submitted') continue;
          const record = taskRecord(
            owner,
            identity.key,
            index,
            plan.rows[index].length,
            chunk.submittedAt,
          );
          await ownership.ensureTask(chunk.taskId, record);
        }
        log.info('answering the stored result', { tasks: batch.chunks.length });
        return resultOf(batch, plan, new Map(), true);
      }

      const holder = leaseHolder();
      if (!(await claim(batch, identity.key, holder))) {
        log.warn('submission claimed by another invocation', { chunks: pending.join(',') });
        return inProgress(pending, plan);
      }

      const notes = new Map<number, PendingNote>();
      let stopped: FailureResult | null = null;
      try {
        for (const index of pending) {
          if (stopped) {
            notes.set(index, { kind: 'failed', message: NOT_SENT_MESSAGE });
            continue;
          }
          if (!ess.hasTimeForCall()) {
            log.warn('out of time before sending a chunk', { chunk: index });
            stopped = failure('ESS_TIMEOUT', { message: OUT_OF_TIME_MESSAGE });
            notes.set(index, { kind: 'failed', message: OUT_OF_TIME_MESSAGE });
            continue;
          }
          const outcome = await submitChunk(
            batch,
            identity.key,
            holder,
            index,
            plan.rows[index],
            request,
          );
          if (outcome.kind === 'refused') notes.set(index, outcome);
          if (outcome.kind === 'failed') {
            stopped = outcome.failure;
            notes.set(index, { kind: 'failed', message: outcome.failure.message });
          }
          if (outcome.kind === 'unconfirmed') {
            stopped = failure('SUBMISSION_UNCONFIRMED', {
              message: `${describeChunks([index], plan)}：${messageFor('SUBMISSION_UNCONFIRMED')}`,
            });
          }
        }
      } finally {
        await release(batch, identity.key);
      }

      if (stopped) {
        const refusedAny = [...notes.values()].some((note) => note.kind === 'refused');
        // Nothing taken, nothing possibly taken (nor held), nothing refused: the failure says it all.
        const heldAny = (batch.heldRows?.length ?? 0) > 0;
        if (!refusedAny && !heldAny && !batch.chunks.some(mayBeTaken)) return stopped;
        log.warn('submission partly done', { code: stopped.code });
      }
      return resultOf(batch, plan, notes, false);
    },
  };
}

export type RegistrationSubmission = ReturnType<typeof registrationSubmission>;
