/**
 * Sends one chunk (one ESS CreateBatchOrganizationRegistrationTasks call) and records what came of
 * it, so that it is never sent twice:
 *
 * - its enterprises are taken in the held collection (`heldCodes.take`) and the chunk marked
 *   `inFlight` before the call: should this invocation die during it, nothing sends them again;
 * - after the call, `submitted` with its TaskId (then the task's owner is recorded and the
 *   enterprises given back), or `pending` again when ESS answered that it did nothing;
 * - a call that got no answer (time-out, connection lost) leaves the chunk `unconfirmed` and its
 *   enterprises held, since ESS may have registered them;
 * - a call that never went out (no turn at ESS within the invocation: `EssQueuedError`) leaves it
 *   `pending`, nothing held.
 */
import { redactRequestValues } from '../../ess/redactRequestValues';
import type { OrganizationRow } from '../../../src/domain/organizationContract';
import { EssCallError, EssQueuedError } from '../../ess/essError';
import type { Logger } from '../../log';
import { essRegistrationRequest } from '../essRegistration';
import type { HeldCodes } from '../heldCodes';
import type { OperatorFail, OperatorFailure } from '../operatorFailure';
import type { RegistrationOwnership } from '../ownership';
import type { RegistrationRequest } from '../requests';
import type { SubmitGateway } from '../submitGateway';
import type { BatchLease } from './batchLease';
import { taskRecordOf } from './batchState';

export type ChunkOutcome =
  | { kind: 'submitted' }
  | { kind: 'refused'; errorMessages: string[] }
  /** ESS answered that it did nothing (the chunk is `pending` again). */
  | { kind: 'failed'; failure: OperatorFailure }
  /** Some of its enterprises are being sent by another submission: not sent (still `pending`). */
  | { kind: 'busy' }
  /** No answer: the chunk is `unconfirmed`. */
  | { kind: 'unconfirmed' };

export interface ChunkSenderDeps {
  ess: SubmitGateway;
  held: HeldCodes;
  ownership: RegistrationOwnership;
  lease: BatchLease;
  fail: OperatorFail;
  log: Logger;
  now: () => number;
}

export interface Chunk {
  owner: string;
  batchKey: string;
  index: number;
  rows: OrganizationRow[];
  request: RegistrationRequest;
}

export async function sendChunk(deps: ChunkSenderDeps, chunk: Chunk): Promise<ChunkOutcome> {
  const { ess, held, ownership, lease, fail, log, now } = deps;
  const { owner, batchKey, index, rows, request } = chunk;
  const codes = rows.map((row) => row.uniformSocialCreditCode);
  /** ESS did not take the chunk: it can be sent again, and its enterprises are free. */
  const giveBack = async () => {
    await lease.saveChunk(index, { state: 'pending' });
    await held.forget(owner, codes);
  };

  const busy = await held.take(owner, codes);
  if (busy.length > 0) {
    log.warn('enterprises of the chunk are being sent by another submission', {
      chunk: index,
      busy: busy.length,
    });
    return { kind: 'busy' };
  }
  try {
    await lease.saveChunk(index, { state: 'inFlight', since: now() });
  } catch (error) {
    // Nothing was sent.
    await held.forget(owner, codes);
    throw error;
  }

  const sent = essRegistrationRequest(rows, request);
  let response;
  try {
    response = await ess.call('CreateBatchOrganizationRegistrationTasks', sent);
  } catch (error) {
    if (error instanceof EssQueuedError) {
      // No turn at ESS within this invocation: the call was never made.
      await giveBack();
      log.warn('registration chunk not sent: no ESS slot in time', { chunk: index });
      return { kind: 'failed', failure: fail('QUEUED', { retryAfterMs: error.retryAfterMs }) };
    }
    if (!(error instanceof EssCallError)) throw error;
    const { essCode, requestId, userCode } = error.failure;
    if (!error.mayHaveTakenEffect) {
      await giveBack();
      log.warn('registration chunk not taken by ESS', { chunk: index, essCode, requestId });
      return { kind: 'failed', failure: fail(userCode, requestId ? { requestId } : {}) };
    }
    await lease.saveChunk(index, { state: 'unconfirmed', since: now(), essCode });
    try {
      await held.markUnconfirmed(owner, codes);
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

  // ESS's messages may quote what was sent (a legal representative's name, a mobile): masked
  // before they are answered or stored.
  const errorMessages = (response.ErrorMessages ?? []).map((message) =>
    redactRequestValues(message, sent),
  );
  if (!response.TaskId) {
    await giveBack();
    if (!errorMessages.some(Boolean)) {
      log.error('ESS answered neither a TaskId nor errors', { requestId: response.RequestId });
      return {
        kind: 'failed',
        failure: fail('ESS_FAILED', response.RequestId ? { requestId: response.RequestId } : {}),
      };
    }
    log.info('registration chunk refused by ESS', { chunk: index, requestId: response.RequestId });
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
  await lease.saveChunk(index, {
    state: 'submitted',
    taskId: response.TaskId,
    errorMessages,
    essRequestId: response.RequestId,
    submittedAt,
  });
  await ownership.recordTask(
    response.TaskId,
    taskRecordOf(owner, batchKey, index, rows.length, submittedAt, request.proxyOrganizationId),
  );
  await held.forget(owner, codes);
  return { kind: 'submitted' };
}
