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
 * The decision for chunks whose outcome is unknown: they are never sent again automatically.
 * - A chunk `inFlight` for less than `IN_FLIGHT_TIMEOUT_MS` (well above the function time-out)
 *   may still be being sent by another invocation, which will also send the chunks after it: the
 *   retry answers `IN_PROGRESS` ("try again shortly") and touches nothing.
 * - A call that got no answer leaves its chunk `unconfirmed`, and the invocation stops there with
 *   `SUBMISSION_UNCONFIRMED`. An `inFlight` marker older than `IN_FLIGHT_TIMEOUT_MS` means that
 *   invocation died mid-call: just as unknown. ESS may have created the task, and a second task for
 *   the same enterprises (duplicate links, an admin unsure which to use) is worse than asking the
 *   operator to look those few enterprises up in the ESS console once.
 * - A retry then sends the remaining `pending` chunks and answers normally (`ok: true`, the known
 *   TaskIds), the unconfirmed chunks' enterprises carrying `UNCONFIRMED_MESSAGE` instead of ''.
 *   Those the operator finds missing in ESS go in a new submission (a new request key).
 *
 * Not covered: two identical requests at the very same moment (both read "nothing stored" before
 * either writes); the document store has no conditional write, and the page disables its submit
 * button while a submission runs.
 */
import { messageFor } from '../../src/domain/errors';
import type {
  CreateBatchOrganizationRegistrationTasksResult,
  OrganizationRow,
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
import type { RegistrationOwnership } from './ownership';
import type { ChunkRecord, RegistrationBatchRecord, RegistrationTaskRecord } from './records';
import type { RegistrationRequest } from './requests';
import { essAnswered, type SubmitGateway } from './submitGateway';

/** Longer than any invocation runs (the functions' time-out is 20 s, ESS calls stop at 15 s). */
export const IN_FLIGHT_TIMEOUT_MS = 60_000;
/** ESS registration links live 7 days: after that the same rows are a new submission. */
export const REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export const NOT_SUBMITTED_MESSAGE = '同组提交的其他企业信息有误，本企业未提交，请修正后重新提交';
export const UNCONFIRMED_MESSAGE =
  '上次提交没有收到腾讯电子签的答复，可能已提交成功，为避免重复提交未再提交：请到腾讯电子签控制台核对，确未提交的请作为新的提交重新发起';
const REQUEST_KEY_REUSED_MESSAGE = '这个提交编号已用于另一批企业，请刷新页面后重新提交';
const OUT_OF_TIME_MESSAGE =
  '腾讯电子签响应较慢，部分企业尚未提交。请再次提交以继续，已提交的企业不会重复提交';

export interface RegistrationSubmissionDeps {
  config: EssConfig;
  ess: SubmitGateway;
  batches: DocumentStore<RegistrationBatchRecord>;
  ownership: RegistrationOwnership;
  log: Logger;
  now?: () => number;
}

type SubmitResult = CreateBatchOrganizationRegistrationTasksResult;
type ChunkOutcome =
  | { kind: 'submitted' }
  | { kind: 'refused'; errorMessages: string[] }
  | { kind: 'failed'; failure: FailureResult };

const indexesWhere = (chunks: ChunkRecord[], test: (chunk: ChunkRecord) => boolean) =>
  chunks.flatMap((chunk, index) => (test(chunk) ? [index] : []));

/** Being sent by a live invocation (as far as anyone can tell). */
const isLive = (chunk: ChunkRecord, now: number) =>
  chunk.state === 'inFlight' && now - chunk.since < IN_FLIGHT_TIMEOUT_MS;

/** `第1–10、21–25家企业` for chunks 0 and 2 of 25 enterprises. */
function describeChunks(chunkIndexes: number[], chunks: OrganizationRow[][]): string {
  const ranges = chunkIndexes.map((index) => {
    const first = index * ESS_MAX_ORGANIZATIONS_PER_TASK + 1;
    const last = first + chunks[index].length - 1;
    return first === last ? `${first}` : `${first}–${last}`;
  });
  return `第${ranges.join('、')}家企业`;
}

function newBatch(
  owner: string,
  identity: BatchIdentity,
  count: number,
  chunkCount: number,
  now: number,
): RegistrationBatchRecord {
  return {
    owner,
    payloadHash: identity.payloadHash,
    organizationCount: count,
    chunks: Array.from({ length: chunkCount }, () => ({ state: 'pending' })),
    createdAt: now,
    updatedAt: now,
  };
}

/** `IN_PROGRESS` / `SUBMISSION_UNCONFIRMED`, naming the enterprises concerned. */
function chunksFailure(
  code: 'IN_PROGRESS' | 'SUBMISSION_UNCONFIRMED',
  chunkIndexes: number[],
  chunks: OrganizationRow[][],
): FailureResult {
  return failure(code, {
    message: `${describeChunks(chunkIndexes, chunks)}：${messageFor(code)}`,
  });
}

/** The messages of one chunk's enterprises; '' only for those ESS took. */
function chunkMessages(chunk: ChunkRecord, size: number, refusal: string[] = []): string[] {
  return Array.from({ length: size }, (_, row) => {
    if (chunk.state === 'submitted') return chunk.errorMessages[row] ?? '';
    if (chunk.state === 'pending') return refusal[row] || NOT_SUBMITTED_MESSAGE;
    return UNCONFIRMED_MESSAGE;
  });
}

/** The answer: TaskIds of the submitted chunks, and a message per enterprise ('' = submitted). */
function resultOf(
  batch: RegistrationBatchRecord,
  chunks: OrganizationRow[][],
  refused: ReadonlyMap<number, string[]>,
  replayed: boolean,
): SubmitResult {
  const taskIds = batch.chunks.flatMap((chunk) =>
    chunk.state === 'submitted' ? [chunk.taskId] : [],
  );
  const errorMessages = batch.chunks.flatMap((chunk, index) =>
    chunkMessages(chunk, chunks[index].length, refused.get(index)),
  );
  return { ok: true, taskIds, errorMessages, replayed };
}

export function registrationSubmission(deps: RegistrationSubmissionDeps) {
  const { config, ess, batches, ownership, log } = deps;
  const now = deps.now ?? Date.now;

  const taskRecord = (
    owner: string,
    batchKey: string,
    chunkIndex: number,
    organizationCount: number,
    createdAt: number,
  ): RegistrationTaskRecord => ({ owner, batchKey, chunkIndex, organizationCount, createdAt });

  async function submitChunk(
    batch: RegistrationBatchRecord,
    batchKey: string,
    index: number,
    chunks: OrganizationRow[][],
    request: RegistrationRequest,
  ): Promise<ChunkOutcome> {
    const rows = chunks[index];
    const save = (chunk: ChunkRecord) => {
      batch.chunks[index] = chunk;
      batch.updatedAt = now();
      return batches.put(batchKey, batch);
    };
    await save({ state: 'inFlight', since: now() });
    let response;
    try {
      response = await ess.call(
        'CreateBatchOrganizationRegistrationTasks',
        essRegistrationRequest(rows, request),
      );
    } catch (error) {
      if (!(error instanceof EssCallError)) throw error;
      if (essAnswered(error.failure)) {
        await save({ state: 'pending' });
        throw error;
      }
      await save({ state: 'unconfirmed', since: now(), essCode: error.failure.essCode });
      log.error('registration chunk sent without an answer: not sent again', {
        chunk: index,
        essCode: error.failure.essCode,
      });
      return { kind: 'failed', failure: chunksFailure('SUBMISSION_UNCONFIRMED', [index], chunks) };
    }

    const errorMessages = response.ErrorMessages ?? [];
    if (!response.TaskId) {
      await save({ state: 'pending' });
      if (!errorMessages.some(Boolean)) {
        log.error('ESS answered neither a TaskId nor errors', { requestId: response.RequestId });
        return {
          kind: 'failed',
          failure: failure('ESS_FAILED', { requestId: response.RequestId }),
        };
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
      taskRecord(batch.owner, batchKey, index, rows.length, submittedAt),
    );
    return { kind: 'submitted' };
  }

  return {
    /** `request` must come from `parseRegistrationEvent` (validated and normalised). */
    async submit(owner: string, request: RegistrationRequest): Promise<SubmitResult> {
      const identity = batchIdentity(config.secretKey, owner, request);
      const chunks = chunkRows(request.organizations);
      const stored = await batches.get(identity.key);
      if (stored && stored.payloadHash !== identity.payloadHash) {
        log.warn('request key reused for other enterprises');
        return failure('INVALID_INPUT', { message: REQUEST_KEY_REUSED_MESSAGE });
      }
      const batch =
        stored && now() - stored.createdAt < REPLAY_WINDOW_MS
          ? stored
          : newBatch(owner, identity, request.organizations.length, chunks.length, now());

      const live = indexesWhere(batch.chunks, (chunk) => isLive(chunk, now()));
      if (live.length > 0) {
        log.warn('submission still being sent by another invocation', { chunks: live.join(',') });
        return chunksFailure('IN_PROGRESS', live, chunks);
      }

      const pending = indexesWhere(batch.chunks, (chunk) => chunk.state === 'pending');
      if (pending.length === 0) {
        for (const [index, chunk] of batch.chunks.entries()) {
          if (chunk.state !== 'submitted') continue;
          const record = taskRecord(
            owner,
            identity.key,
            index,
            chunks[index].length,
            chunk.submittedAt,
          );
          await ownership.ensureTask(chunk.taskId, record);
        }
        log.info('answering the stored result', { tasks: batch.chunks.length });
        return resultOf(batch, chunks, new Map(), true);
      }

      const refused = new Map<number, string[]>();
      for (const index of pending) {
        if (!ess.hasTimeForCall()) {
          log.warn('out of time before sending a chunk', { chunk: index });
          return failure('ESS_TIMEOUT', { message: OUT_OF_TIME_MESSAGE });
        }
        const outcome = await submitChunk(batch, identity.key, index, chunks, request);
        if (outcome.kind === 'failed') return outcome.failure;
        if (outcome.kind === 'refused') refused.set(index, outcome.errorMessages);
      }
      return resultOf(batch, chunks, refused, false);
    },
  };
}

export type RegistrationSubmission = ReturnType<typeof registrationSubmission>;
