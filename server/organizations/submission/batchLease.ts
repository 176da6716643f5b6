/**
 * One invocation at a time sends a batch's chunks: it claims the batch with a lease (`lease:
 * { holder, since }`), renewed with every write and given back when done. Every write is a
 * conditional one (`DocumentStore.transact`): the claim decides on the batch as stored at that
 * instant, so of two invocations of the same submission — even arriving at the same moment, in
 * different processes — exactly one gets the lease and the other answers `IN_PROGRESS` without
 * touching anything.
 */
import type { Logger } from '../../log';
import type { DocumentStore } from '../../store/documentStore';
import type { ChunkRecord, RegistrationBatchRecord } from '../records';
import { LEASE_TIMEOUT_MS, isReplayable, withLostInvocations } from './batchState';

export interface BatchLeaseOptions {
  batches: DocumentStore<RegistrationBatchRecord>;
  /** The batch record's id. */
  key: string;
  /** This invocation's lease id. */
  holder: string;
  now: () => number;
  log: Logger;
}

const heldByOther = (batch: RegistrationBatchRecord, holder: string, at: number): boolean =>
  !!batch.lease && batch.lease.holder !== holder && at - batch.lease.since < LEASE_TIMEOUT_MS;

export function batchLease({ batches, key, holder, now, log }: BatchLeaseOptions) {
  let last: RegistrationBatchRecord | null = null;

  return {
    /**
     * Claims the batch: the one stored (if it is this submission's and still replayable), else
     * `candidate`. Chunks whose invocation died mid-call become `unconfirmed`. Answers the
     * claimed batch, or null when another invocation holds a fresh lease on it.
     */
    async claim(candidate: RegistrationBatchRecord): Promise<RegistrationBatchRecord | null> {
      const claimed = await batches.transact(key, (current) => {
        const at = now();
        const stored =
          current && current.payloadHash === candidate.payloadHash && isReplayable(current, at)
            ? current
            : null;
        if (current && !stored && current.payloadHash !== candidate.payloadHash) {
          return { result: null };
        }
        const base = stored ?? candidate;
        if (heldByOther(base, holder, at)) return { result: null };
        const next: RegistrationBatchRecord = {
          ...base,
          chunks: withLostInvocations(base.chunks),
          lease: { holder, since: at },
          updatedAt: at,
        };
        return { result: next, write: next };
      });
      last = claimed;
      return claimed;
    },

    /** Records chunk `index`'s new state, renewing the lease while it is ours. */
    async saveChunk(index: number, chunk: ChunkRecord): Promise<RegistrationBatchRecord> {
      const saved = await batches.transact(key, (current) => {
        const base = current ?? last;
        if (!base) throw new Error('registration batch vanished while being sent');
        const at = now();
        const chunks = [...base.chunks];
        chunks[index] = chunk;
        const next: RegistrationBatchRecord = {
          ...base,
          chunks,
          lease: !base.lease || base.lease.holder === holder ? { holder, since: at } : base.lease,
          updatedAt: at,
        };
        return { result: next, write: next };
      });
      last = saved;
      return saved;
    },

    /** Gives the batch back; a failure here only delays a retry until the lease is stale. */
    async release(): Promise<RegistrationBatchRecord | null> {
      try {
        const released = await batches.transact(key, (current) => {
          if (!current || current.lease?.holder !== holder) return { result: current };
          const { lease: _released, ...rest } = current;
          const next: RegistrationBatchRecord = { ...rest, updatedAt: now() };
          return { result: next, write: next };
        });
        last = released ?? last;
      } catch (error) {
        log.warn('could not release the batch lease', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return last;
    },
  };
}

export type BatchLease = ReturnType<typeof batchLease>;
