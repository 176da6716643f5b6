/**
 * Submitting enterprises for registration without ever submitting them twice.
 *
 * ESS CreateBatchOrganizationRegistrationTasks is not idempotent and takes at most 10 enterprises,
 * so a submission is sent as chunks of 10, one ESS task each (`chunkPlan.ts`). Its batch record
 * (`records.ts`), keyed by the operator and their request key or the normalised payload
 * (`batchIdentity.ts`), holds the state of every chunk and is written before and after each ESS
 * call (`chunkSender.ts`):
 *
 * - a retry of the same submission sends only the `pending` chunks; when none is left it answers
 *   the stored TaskIds with `replayed: true` and makes no ESS call;
 * - one invocation at a time sends a batch's chunks (`batchLease.ts`, a conditional write): another
 *   one answers `IN_PROGRESS` and touches nothing, even when both arrive at the same moment;
 * - chunks whose outcome is unknown are never sent again automatically: one `inFlight` for less
 *   than `IN_FLIGHT_TIMEOUT_MS` may still be under way (`IN_PROGRESS`); one that got no answer,
 *   or whose invocation died mid-call, is `unconfirmed`, and the invocation sends no further chunk
 *   (ESS is struggling). A second task for the same enterprises (duplicate links, an operator
 *   unsure which to use) is worse than asking the operator to look a few up in the ESS console.
 *
 * Across submissions (another request key, the rows pasted again, another device) the enterprises
 * sent without an answer stay held for 7 days (`heldCodes.ts`, `heldRows.ts`): a new batch does
 * not send those rows and answers them `unconfirmed`, unless the request lists their codes in
 * `confirmedNotSubmitted` (the operator checked the ESS console).
 *
 * The answer (`submissionAnswer.ts`): as soon as any chunk was taken by ESS or may have been,
 * `ok: true` with the TaskIds known so far and per enterprise its status (`rowStatuses`:
 * submitted, refused, failed = not sent and safe to send again, unconfirmed = check the ESS
 * console first) and a message. Only when nothing at all was taken (nor may have been, nor is
 * held, nor refused) is a failure answered (`ok: false`, e.g. `ESS_REJECTED`, `ESS_TIMEOUT`).
 */
import { randomBytes } from 'crypto';
import type { CreateBatchOrganizationRegistrationTasksResult } from '../../../src/domain/organizationContract';
import type { EssConfig } from '../../config';
import type { Logger } from '../../log';
import type { DocumentStore } from '../../store/documentStore';
import { batchIdentity } from '../batchIdentity';
import { heldCodes } from '../heldCodes';
import type { OperatorFail, OperatorFailure } from '../operatorFailure';
import type { RegistrationOwnership } from '../ownership';
import type { HeldCodeRecord, RegistrationBatchRecord } from '../records';
import type { RegistrationRequest } from '../requests';
import type { SubmitGateway } from '../submitGateway';
import { aboutEnterprises, INPUT_PROBLEMS, ROW_NOTES } from '../wording';
import { batchLease, type BatchLease } from './batchLease';
import {
  IN_FLIGHT_TIMEOUT_MS,
  REPLAY_WINDOW_MS,
  indexesWhere,
  isLive,
  isReplayable,
  mayBeTaken,
  newBatch,
  taskRecordOf,
} from './batchState';
import { planChunks, positionsOf, type ChunkPlan } from './chunkPlan';
import { sendChunk } from './chunkSender';
import { heldRowsOf } from './heldRows';
import { submissionAnswer, type PendingNote } from './submissionAnswer';

export interface RegistrationSubmissionDeps {
  config: EssConfig;
  ess: SubmitGateway;
  batches: DocumentStore<RegistrationBatchRecord>;
  /** The enterprises sent without an answer (their own collection). */
  held: DocumentStore<HeldCodeRecord>;
  ownership: RegistrationOwnership;
  /** The function's failure helper (its wording). */
  fail: OperatorFail;
  log: Logger;
  now?: () => number;
  /** The id of this invocation's lease (random by default). */
  leaseHolder?: () => string;
}

type SubmitResult = CreateBatchOrganizationRegistrationTasksResult;

/** What sending the pending chunks told: notes on chunks still pending, and why it stopped. */
interface SentChunks {
  notes: Map<number, PendingNote>;
  stopped: OperatorFailure | null;
}

const randomHolder = () => randomBytes(8).toString('hex');
const pendingChunks = (batch: RegistrationBatchRecord) =>
  indexesWhere(batch.chunks, (chunk) => chunk.state === 'pending');

export function registrationSubmission(deps: RegistrationSubmissionDeps) {
  const { config, ess, batches, ownership, fail, log } = deps;
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

  /** `IN_PROGRESS`, naming the enterprises concerned. */
  const inProgress = (chunkIndexes: number[], plan: ChunkPlan): OperatorFailure => {
    const { message } = fail('IN_PROGRESS');
    return fail('IN_PROGRESS', {
      message: aboutEnterprises(positionsOf(plan, chunkIndexes), message),
    });
  };

  /** The plan of `batch`; it must match the request it was made from. */
  const planOf = (batch: RegistrationBatchRecord, request: RegistrationRequest): ChunkPlan => {
    const plan = planChunks(request.organizations, batch.heldRows ?? []);
    if (plan.rows.length !== batch.chunks.length) {
      throw new Error('registration batch does not match its request');
    }
    return plan;
  };

  /** The stored result, after healing any task owner record a lost write left out. */
  async function replay(
    owner: string,
    batchKey: string,
    batch: RegistrationBatchRecord,
    plan: ChunkPlan,
    request: RegistrationRequest,
  ): Promise<SubmitResult> {
    for (const [index, chunk] of batch.chunks.entries()) {
      if (chunk.state !== 'submitted') continue;
      const count = plan.rows[index].length;
      await ownership.ensureTask(
        chunk.taskId,
        taskRecordOf(owner, batchKey, index, count, chunk.submittedAt, request.proxyOrganizationId),
      );
    }
    log.info('answering the stored result', { tasks: batch.chunks.length });
    return submissionAnswer(batch, plan, new Map(), true);
  }

  /** Sends the pending chunks of the claimed batch, in order, until one does not go through. */
  async function sendPending(
    owner: string,
    batchKey: string,
    lease: BatchLease,
    pending: number[],
    plan: ChunkPlan,
    request: RegistrationRequest,
  ): Promise<SentChunks> {
    const notes = new Map<number, PendingNote>();
    let stopped: OperatorFailure | null = null;
    const senderDeps = { ess, held, ownership, lease, fail, log, now };
    for (const index of pending) {
      if (stopped) {
        notes.set(index, { kind: 'failed', message: ROW_NOTES.notSent });
        continue;
      }
      if (!ess.hasTimeForCall()) {
        log.warn('out of time before sending a chunk', { chunk: index });
        stopped = fail('ESS_TIMEOUT', { message: ROW_NOTES.outOfTime });
        notes.set(index, { kind: 'failed', message: ROW_NOTES.outOfTime });
        continue;
      }
      const rows = plan.rows[index];
      const outcome = await sendChunk(senderDeps, { owner, batchKey, index, rows, request });
      if (outcome.kind === 'refused') notes.set(index, outcome);
      if (outcome.kind === 'failed') {
        stopped = outcome.failure;
        notes.set(index, { kind: 'failed', message: outcome.failure.message });
      }
      if (outcome.kind === 'busy') {
        stopped = inProgress([index], plan);
        notes.set(index, { kind: 'failed', message: ROW_NOTES.beingSent });
      }
      if (outcome.kind === 'unconfirmed') {
        const { message } = fail('SUBMISSION_UNCONFIRMED');
        stopped = fail('SUBMISSION_UNCONFIRMED', {
          message: aboutEnterprises(positionsOf(plan, [index]), message),
        });
      }
    }
    return { notes, stopped };
  }

  return {
    /** `request` must come from `parseRegistrationEvent` (validated and normalised). */
    async submit(owner: string, request: RegistrationRequest): Promise<SubmitResult> {
      const identity = batchIdentity(config.hashSecret, owner, request);
      const stored = await batches.get(identity.key);
      if (stored && stored.payloadHash !== identity.payloadHash) {
        log.warn('request key reused for other enterprises');
        return fail('INVALID_INPUT', { message: INPUT_PROBLEMS.requestKeyReused });
      }
      const candidate =
        stored && isReplayable(stored, now())
          ? stored
          : newBatch(
              owner,
              identity,
              request.organizations.length,
              await heldRowsOf(held, log, owner, request),
              now(),
            );
      const planned = planOf(candidate, request);
      // Every enterprise is held: nothing to send, nothing to remember.
      if (candidate.chunks.length === 0) {
        return submissionAnswer(candidate, planned, new Map(), false);
      }
      const live = indexesWhere(candidate.chunks, (chunk) => isLive(chunk, now()));
      if (live.length > 0) {
        log.warn('submission still being sent by another invocation', { chunks: live.join(',') });
        return inProgress(live, planned);
      }
      if (pendingChunks(candidate).length === 0) {
        return replay(owner, identity.key, candidate, planned, request);
      }

      const lease = batchLease({ batches, key: identity.key, holder: leaseHolder(), now, log });
      const claimed = await lease.claim(candidate);
      if (!claimed) {
        log.warn('submission claimed by another invocation');
        return inProgress(pendingChunks(candidate), planned);
      }
      // What was stored when the claim was decided (another invocation may have written since).
      const plan = planOf(claimed, request);
      const pending = pendingChunks(claimed);
      let sent: SentChunks | null = null;
      let batch = claimed;
      try {
        if (pending.length > 0) {
          sent = await sendPending(owner, identity.key, lease, pending, plan, request);
        }
      } finally {
        batch = (await lease.release()) ?? claimed;
      }
      if (!sent) return replay(owner, identity.key, batch, plan, request);

      const { notes, stopped } = sent;
      if (stopped) {
        const refusedAny = [...notes.values()].some((note) => note.kind === 'refused');
        const heldAny = (batch.heldRows?.length ?? 0) > 0;
        // Nothing taken, nothing possibly taken (nor held), nothing refused: the failure says it.
        if (!refusedAny && !heldAny && !batch.chunks.some(mayBeTaken)) return stopped;
        log.warn('submission partly done', { code: stopped.code });
      }
      return submissionAnswer(batch, plan, notes, false);
    },
  };
}

export type RegistrationSubmission = ReturnType<typeof registrationSubmission>;
