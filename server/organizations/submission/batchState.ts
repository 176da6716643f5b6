/**
 * The state of one submission (its batch record, see `records.ts`) and the pure rules about it:
 * how long an ESS call may be under way, which chunks are being sent, which may have been taken.
 */
import { ESS_MAX_ORGANIZATIONS_PER_TASK } from '../../../src/domain/organizationInput';
import type { BatchIdentity } from '../batchIdentity';
import type { ChunkRecord, RegistrationBatchRecord, RegistrationTaskRecord } from '../records';

/** Longer than any invocation runs (the functions' time-out is 20 s, ESS calls stop at 15 s). */
export const IN_FLIGHT_TIMEOUT_MS = 60_000;
/** A lease not renewed for this long belongs to an invocation that is gone. */
export const LEASE_TIMEOUT_MS = IN_FLIGHT_TIMEOUT_MS;
/** ESS registration links live 7 days: after that the same rows are a new submission. */
export const REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** `essCode` of a chunk whose invocation died mid-call (its `inFlight` marker went stale). */
export const LOST_INVOCATION = 'Invocation.Lost';

/** A new batch of `count` rows, of which `heldRows` are not sent: all its chunks `pending`. */
export function newBatch(
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

/** Whether `batch` may still be replayed (its links have not expired). */
export const isReplayable = (batch: RegistrationBatchRecord, now: number): boolean =>
  now - batch.createdAt < REPLAY_WINDOW_MS;

export const indexesWhere = (chunks: ChunkRecord[], test: (chunk: ChunkRecord) => boolean) =>
  chunks.flatMap((chunk, index) => (test(chunk) ? [index] : []));

/** Being sent by a live invocation (as far as anyone can tell). */
export const isLive = (chunk: ChunkRecord, now: number): boolean =>
  chunk.state === 'inFlight' && now - chunk.since < IN_FLIGHT_TIMEOUT_MS;

/** ESS took it, or may have: the answer is then `ok: true` whatever else went wrong. */
export const mayBeTaken = (chunk: ChunkRecord): boolean =>
  chunk.state === 'submitted' || chunk.state === 'unconfirmed' || chunk.state === 'inFlight';

/** Chunks whose invocation died mid-call are as unknown as a time-out: `unconfirmed`. */
export const withLostInvocations = (chunks: readonly ChunkRecord[]): ChunkRecord[] =>
  chunks.map((chunk) =>
    chunk.state === 'inFlight'
      ? { state: 'unconfirmed', since: chunk.since, essCode: LOST_INVOCATION }
      : chunk,
  );

/** Who created the ESS task of chunk `chunkIndex` (and for which subsidiary). */
export function taskRecordOf(
  owner: string,
  batchKey: string,
  chunkIndex: number,
  organizationCount: number,
  createdAt: number,
  proxyOrganizationId?: string,
): RegistrationTaskRecord {
  return {
    owner,
    batchKey,
    chunkIndex,
    organizationCount,
    createdAt,
    ...(proxyOrganizationId ? { proxyOrganizationId } : {}),
  };
}
