/**
 * Per admin, the enterprises (unified social credit codes) sent to ESS without a known outcome:
 * a request that got no answer may well have registered them, and ESS registration is not
 * idempotent. The batch record keeps a retried submission from sending them again; this keeps
 * any other submission of the same admin (another request key, another device, the rows pasted
 * again after a reload) from doing so, for the links' lifetime, until the admin says they checked
 * in the ESS console that the enterprise was not registered (`confirmedNotSubmitted`).
 *
 * One document per (admin, code) (see `HeldCodeRecord`): enterprises of concurrent submissions
 * never overwrite each other's entries, as they could in a shared per-admin list.
 */
import { createHmac } from 'crypto';
import type { Logger } from '../log';
import type { DocumentStore } from '../store/documentStore';
import type { HeldCodeRecord } from './records';

/**
 * - `sending`: an invocation marked it `inFlight` less than the in-flight time-out ago: it may be
 *   calling ESS with it right now;
 * - `unconfirmed`: sent without an answer (or by an invocation that died mid-call).
 */
export type HeldState = 'sending' | 'unconfirmed';

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
    `held-${createHmac('sha256', key).update(`${owner}\u0000${code}`).digest('hex')}`;

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
          if (at >= record.expiresAt) {
            expired.push(code);
            return;
          }
          const sending = record.state === 'inFlight' && at - record.since < inFlightTimeoutMs;
          found.set(code, sending ? 'sending' : 'unconfirmed');
        }),
      );
      if (expired.length > 0) await forget(owner, expired);
      return found;
    },

    /** Writes the entries; rejects (once every write has ended) when any failed. */
    async mark(
      owner: string,
      codes: readonly string[],
      state: HeldCodeRecord['state'],
    ): Promise<void> {
      const since = now();
      const results = await Promise.allSettled(
        unique(codes).map((code) =>
          store.put(idOf(owner, code), {
            kind: 'heldCode',
            owner,
            code,
            state,
            since,
            expiresAt: since + lifetimeMs,
          }),
        ),
      );
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    },

    forget,
  };
}

export type HeldCodes = ReturnType<typeof heldCodes>;
