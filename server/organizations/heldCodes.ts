/**
 * Per operator, the enterprises (unified social credit codes) sent to ESS without a known
 * outcome: a request that got no answer may well have registered them, and ESS registration is
 * not idempotent. The batch record keeps a retried submission from sending them again; this keeps
 * any other submission of the same operator (another request key, another device, the rows pasted
 * again after a reload) from doing so, for the links' lifetime, until the operator says they
 * checked in the ESS console that the enterprise was not registered (`confirmedNotSubmitted`).
 *
 * One document per (operator, code) in its own collection (see `HeldCodeRecord`): enterprises of
 * concurrent submissions never overwrite each other's entries. Taking a code before its ESS call
 * is a conditional write (`transact`): of two submissions racing for the same enterprise, one
 * sends it and the other is told it is being sent.
 */
import { createHmac } from 'crypto';
import type { Logger } from '../log';
import type { DocumentStore } from '../store/documentStore';
import type { HeldCodeRecord } from './records';

/**
 * - `inFlight`: an invocation took it less than the in-flight time-out ago: it may be calling ESS
 *   with it right now;
 * - `unconfirmed`: sent without an answer (or by an invocation that died mid-call).
 */
export type HeldState = HeldCodeRecord['state'];

export interface HeldCodesDeps {
  /** The data hash key (`DATA_HASH_KEY`, else the ESS key): document ids are keyed hashes of it. */
  hashSecret: string;
  store: DocumentStore<HeldCodeRecord>;
  log: Logger;
  now: () => number;
  /** How long an entry is kept (the registration links' lifetime). */
  lifetimeMs: number;
  /** An `inFlight` entry older than this belongs to an invocation that is gone. */
  inFlightTimeoutMs: number;
}

const unique = (codes: readonly string[]) => [...new Set(codes)];

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function heldCodes(deps: HeldCodesDeps) {
  const { store, log, now, lifetimeMs, inFlightTimeoutMs } = deps;
  const key = createHmac('sha256', deps.hashSecret)
    .update('ess-verify/registration-held/v1')
    .digest();
  const idOf = (owner: string, code: string) =>
    createHmac('sha256', key).update(`${owner}\u0000${code}`).digest('hex');

  /** The state of a stored entry at `at`, or null when it no longer holds anything. */
  const stateAt = (record: HeldCodeRecord | null, at: number): HeldState | null => {
    if (!record || at >= record.expiresAt) return null;
    return record.state === 'inFlight' && at - record.since < inFlightTimeoutMs
      ? 'inFlight'
      : 'unconfirmed';
  };

  const entry = (owner: string, code: string, state: HeldState, since: number) => ({
    owner,
    code,
    state,
    since,
    expiresAt: since + lifetimeMs,
  });

  /** Deletes the entries; a failure leaves them held (the safe side) and is only logged. */
  async function forget(owner: string, codes: readonly string[]): Promise<void> {
    const results = await Promise.allSettled(
      unique(codes).map((code) => store.delete(idOf(owner, code))),
    );
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
      log.warn('could not forget held enterprises: they stay held', {
        failed: failed.length,
        error: errorText((failed[0] as PromiseRejectedResult).reason),
      });
    }
  }

  return {
    /** The held state of each of `codes` that is held (absent: free to send). */
    async lookup(owner: string, codes: readonly string[]): Promise<Map<string, HeldState>> {
      const at = now();
      const found = new Map<string, HeldState>();
      const expired: string[] = [];
      await Promise.all(
        unique(codes).map(async (code) => {
          const record = await store.get(idOf(owner, code));
          if (!record || record.owner !== owner || record.code !== code) return;
          const state = stateAt(record, at);
          if (state) found.set(code, state);
          else expired.push(code);
        }),
      );
      if (expired.length > 0) await forget(owner, expired);
      return found;
    },

    /**
     * Takes `codes` for a call about to be made (`inFlight`), each only if nobody holds it. Answers
     * the codes someone else holds (nothing was taken then: the ones taken are given back);
     * rejects when a write failed (then nothing is held either).
     */
    async take(owner: string, codes: readonly string[]): Promise<string[]> {
      const since = now();
      const list = unique(codes);
      const results = await Promise.allSettled(
        list.map((code) =>
          store.transact(idOf(owner, code), (current) =>
            stateAt(current, since)
              ? { result: false }
              : { result: true, write: entry(owner, code, 'inFlight', since) },
          ),
        ),
      );
      const taken: string[] = [];
      const busy: string[] = [];
      let failed: PromiseRejectedResult | undefined;
      results.forEach((result, index) => {
        if (result.status === 'rejected') failed ??= result;
        else (result.value ? taken : busy).push(list[index]);
      });
      if (failed || busy.length > 0) await forget(owner, taken);
      if (failed) throw failed.reason;
      return busy;
    },

    /** Marks `codes` sent without an answer; rejects (once every write has ended) if any failed. */
    async markUnconfirmed(owner: string, codes: readonly string[]): Promise<void> {
      const since = now();
      const list = unique(codes);
      const results = await Promise.allSettled(
        list.map((code) => store.put(idOf(owner, code), entry(owner, code, 'unconfirmed', since))),
      );
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    },

    forget,
  };
}

export type HeldCodes = ReturnType<typeof heldCodes>;
