/**
 * The ESS pacer: keeps the calls of each ESS action, from every function instance at once, within
 * `ratePerSecond` (ESS allows 20 requests per second per action and does not say whether its
 * one-second window is fixed or sliding).
 *
 * The scheme: one small document per action in the store (`{ next }`, the earliest time the next
 * call of that action may start). `acquire` takes the next slot in one `transact` — start at
 * `max(next, now)`, then `next = start + interval` — and sleeps until the slot starts. Slots are
 * handed out one at a time, in order, `interval = (1000 + clockMarginMs) / ratePerSecond` apart,
 * so no one-second span, wherever it starts, holds more than `ratePerSecond` slot starts, and
 * calls are spread evenly instead of bursting at the start of each second. The margin (default
 * 100 ms per second, i.e. 10%) absorbs clock differences between instances and the jitter between
 * a slot's start and ESS receiving the request. A slot that would start after the caller's
 * `deadline` is not taken: the caller learns `retryAfterMs`, roughly when a slot would be free,
 * and can tell the user how long to wait. `penalize` pushes `next` back when ESS itself answered
 * RequestLimitExceeded (another client of the same ESS account, or clocks further apart than the
 * margin).
 *
 * Cost (`npx tsx scripts/bench-pacer.ts` prints it; tests/server/pacer.test.ts asserts the counts):
 * one `transact` per acquire, taken or refused (a refusal writes nothing), one per penalty.
 * - Local file store: a transact is one lock-held read and write of a small file and never
 *   repeats; 200 acquires at once, from one process or four, cost exactly 200 transacts.
 * - WeChat cloud database: a transact is a read plus a conditional write (2 requests) and repeats
 *   when another instance wrote the action's document in between. That document is hot: it takes
 *   about one successful write per two round trips, above the 20 a second it hands out, but a
 *   burst of simultaneous callers makes them repeat. On the stand-in with 5–10 ms per request
 *   each way, 200 acquires cost about 6–7 requests each when served by 20 instances one after
 *   another (a function's concurrency limit in the basic quota), 9–14 when they arrive over one
 *   second, 15–18 when all 200 arrive at the same instant; every caller still got its slot, in
 *   order. The repeats are spread by the adapter's jittered back-off; a transact that gives up
 *   (`StoreContentionError`) is tried again after a short pause while the deadline allows, else
 *   answered with `retryAfterMs`. A transaction (`db.runTransaction`) would not help: it costs
 *   four requests and conflicting transactions fail at once. Mind the environment's database
 *   quota (requests per second): pacing 20 ESS calls a second costs at least 40 database requests
 *   a second, more in bursts.
 */
import { StoreContentionError, type Decision, type DocumentStore } from '../store/documentStore';
import { defaultSleep } from './retry';

/** The store collection of the pacer's documents (one per ESS action). */
export const RATE_SLOTS_COLLECTION = 'ess_rate_slots';

export interface RateSlotRecord {
  /** When the next call of this action may start (ms since the epoch). */
  next: number;
}

export interface PacerOptions {
  /** The pacer's own collection (`RATE_SLOTS_COLLECTION`). */
  store: DocumentStore<RateSlotRecord>;
  /** Calls per second allowed for each action (`ESS_RATE_LIMIT`). */
  ratePerSecond: number;
  /** Extra spacing per second of calls, for clocks and network jitter (default 100 ms). */
  clockMarginMs?: number;
  /** How long no call of an action starts after ESS refused one for its rate (default 1000 ms). */
  penaltyMs?: number;
  /** Pause (jittered ±50%) before trying again when the store gave up under contention (250 ms). */
  contentionPauseMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type Acquired =
  /** The slot has started (the caller waited for it): call ESS now. */
  | { ok: true; slotAt: number }
  /** No slot starts before the deadline: ask again in about `retryAfterMs`. */
  | { ok: false; retryAfterMs: number };

export interface Pacer {
  /** Ms between two slots of one action. */
  readonly intervalMs: number;
  /**
   * Takes the next slot of `action` and waits until it starts, if it starts by `deadline` (ms
   * since the epoch); otherwise takes nothing and answers when to try again.
   */
  acquire(action: string, options: { deadline: number }): Promise<Acquired>;
  /** ESS answered RequestLimitExceeded for `action`: no slot starts within `penaltyMs`. */
  penalize(action: string): Promise<void>;
}

/** Slots one acquire may give up for waking too late before it goes anyway. */
const MAX_MISSED_SLOTS = 3;

export function createPacer({
  store,
  ratePerSecond,
  clockMarginMs = 100,
  penaltyMs = 1000,
  contentionPauseMs = 250,
  now = Date.now,
  sleep = defaultSleep,
  random = Math.random,
}: PacerOptions): Pacer {
  if (!(ratePerSecond > 0)) throw new Error('pacer: ratePerSecond must be positive');
  const intervalMs = (1000 + clockMarginMs) / ratePerSecond;

  /** The slot decision, on the action's document as it is now (the clock is read inside). */
  const nextSlot =
    (deadline: number) =>
    (current: RateSlotRecord | null): Decision<RateSlotRecord, Acquired> => {
      const t = now();
      const slotAt = Math.max(current?.next ?? 0, t);
      // Nothing is reserved: a caller coming back after `slotAt - deadline` has a budget as long
      // as this one's again, which then reaches this slot.
      if (slotAt > deadline)
        return { result: { ok: false, retryAfterMs: Math.ceil(slotAt - deadline) } };
      return { result: { ok: true, slotAt }, write: { next: slotAt + intervalMs } };
    };

  return {
    intervalMs,
    async acquire(action, { deadline }) {
      for (let missed = 0; ;) {
        let taken: Acquired;
        try {
          taken = await store.transact(action, nextSlot(deadline));
        } catch (error) {
          if (!(error instanceof StoreContentionError)) throw error;
          // Other instances kept changing the document: try again while there is time.
          const pause = contentionPauseMs * (0.5 + random());
          if (now() + pause > deadline) return { ok: false, retryAfterMs: contentionPauseMs };
          await sleep(pause);
          continue;
        }
        if (taken.ok) {
          const wait = taken.slotAt - now();
          if (wait > 0) {
            await sleep(Math.ceil(wait));
            // Woken too late — a busy event loop: going now would bunch this call with the ones
            // after it, so the slot is given up for the next free one (a few times at most).
            // Only after a sleep: a slot that was free at once is "late" by the store's own
            // round trip, which bunches nothing.
            if (now() - taken.slotAt > intervalMs / 2 && missed < MAX_MISSED_SLOTS) {
              missed += 1;
              continue;
            }
          }
        }
        return taken;
      }
    },
    async penalize(action) {
      // The queue ahead moves back too: ESS refused, so the next calls would be refused as well.
      await store.transact(action, (current) => ({
        result: undefined,
        write: { next: Math.max(current?.next ?? 0, now()) + penaltyMs },
      }));
    },
  };
}
