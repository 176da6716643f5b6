/**
 * The ESS pacer (server/ess/pacer.ts): unit tests on an injected clock, the store work it costs,
 * and four processes sharing one local store. Only counts and slot times are asserted — never
 * how long anything took.
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { loadEssConfig } from '../../server/config';
import {
  createPacer,
  RATE_SLOTS_COLLECTION,
  type PacerOptions,
  type RateSlotRecord,
} from '../../server/ess/pacer';
import { cloudDatabaseStore, type CloudDatabase } from '../../server/store/cloudDatabaseStore';
import { StoreContentionError, type DocumentStore } from '../../server/store/documentStore';
import { localFileStore } from '../../server/store/localFileStore';
import { memoryStore } from '../../server/store/memoryStore';
import { lastJsonLine, runChild } from '../support/childProcess';
import { wxDatabaseStandIn } from '../support/wxDatabaseStandIn';

const ACTION = 'CreateUserVerifyUrl';
const T0 = 1_700_000_000_000;

/** Most slot starts within any 1000 ms span (a window starting at a slot holds the most). */
function busiestSecond(slots: number[]): number {
  const sorted = [...slots].sort((a, b) => a - b);
  return Math.max(
    0,
    ...sorted.map((start, i) => sorted.filter((s, j) => j >= i && s < start + 1000).length),
  );
}

/** A pacer on an injected clock: `sleep` moves the clock; `slept` records each wait. */
function pacerOnClock(options: Partial<PacerOptions> = {}) {
  const clock = { now: T0, slept: [] as number[] };
  const store = memoryStore().collection<RateSlotRecord>(RATE_SLOTS_COLLECTION);
  const pacer = createPacer({
    store,
    ratePerSecond: 20,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.slept.push(ms);
    },
    ...options,
  });
  return { pacer, clock, store };
}

describe('pacer', () => {
  it('spreads calls of one action evenly: one every (1000 + margin) / rate ms', async () => {
    const { pacer, clock } = pacerOnClock();
    expect(pacer.intervalMs).toBe(55);
    const far = { deadline: T0 + 60_000 };
    const got = await Promise.all(Array.from({ length: 45 }, () => pacer.acquire(ACTION, far)));
    const slots = got.map((g) => (g.ok ? g.slotAt : NaN));
    expect(slots).toEqual(Array.from({ length: 45 }, (_, i) => T0 + i * 55));
    // The 10% margin leaves room: 19 starts in the busiest second, never more than the rate.
    expect(busiestSecond(slots)).toBe(19);
    // Each waited for its own slot (whole ms, never less; the clock stood still).
    expect(clock.slept).toEqual(slots.slice(1).map((slot) => Math.ceil(slot - T0)));
  });

  it('keeps to the rate without a margin too, and gives each action its own slots', async () => {
    const { pacer } = pacerOnClock({ clockMarginMs: 0, ratePerSecond: 5 });
    const far = { deadline: T0 + 60_000 };
    const a = await Promise.all(Array.from({ length: 12 }, () => pacer.acquire(ACTION, far)));
    const b = await pacer.acquire('DescribeUserVerifyStatus', far);
    const slots = a.map((g) => (g.ok ? g.slotAt : NaN));
    expect(slots[1] - slots[0]).toBe(200);
    expect(busiestSecond(slots)).toBe(5);
    expect(b).toEqual({ ok: true, slotAt: T0 });
  });

  it('takes no slot that starts after the deadline, and says when one would be free', async () => {
    const { pacer, clock } = pacerOnClock();
    for (let i = 0; i < 20; i += 1) await pacer.acquire(ACTION, { deadline: T0 + 60_000 });
    clock.slept = [];
    // The next slot starts at T0 + 1100: too late for a deadline of T0 + 1000. Coming back
    // 100 ms later with as much time again reaches it.
    expect(await pacer.acquire(ACTION, { deadline: T0 + 1000 })).toEqual({
      ok: false,
      retryAfterMs: 100,
    });
    expect(clock.slept).toEqual([]);
    // Nothing was taken: the next caller with time gets that very slot.
    expect(await pacer.acquire(ACTION, { deadline: T0 + 2000 })).toEqual({
      ok: true,
      slotAt: T0 + 1100,
    });
  });

  it('gives up a slot it woke too late for (a busy event loop), and takes the next free one', async () => {
    const clock = { now: T0 };
    let oversleep = 200;
    const pacer = createPacer({
      store: memoryStore().collection<RateSlotRecord>(RATE_SLOTS_COLLECTION),
      ratePerSecond: 20,
      now: () => clock.now,
      sleep: async (ms) => {
        // The first wake-up comes 200 ms late; the others on time.
        clock.now += ms + oversleep;
        oversleep = 0;
      },
    });
    const far = { deadline: T0 + 60_000 };
    expect(await pacer.acquire(ACTION, far)).toEqual({ ok: true, slotAt: T0 });
    // Slot T0 + 55 is missed (woken at T0 + 255): the call takes the next free slot instead.
    const late = await pacer.acquire(ACTION, far);
    expect(late).toEqual({ ok: true, slotAt: T0 + 255 });
    expect(clock.now).toBe(T0 + 255);
  });

  it('does not give up a free slot because the store answered slowly (a cloud round trip)', async () => {
    const clock = { now: T0 };
    const inner = memoryStore().collection<RateSlotRecord>(RATE_SLOTS_COLLECTION);
    // Every transact takes 60 ms, more than half an interval, after the clock was read.
    const slow: DocumentStore<RateSlotRecord> = {
      ...inner,
      transact: async (id, decide) => {
        const result = await inner.transact(id, decide);
        clock.now += 60;
        return result;
      },
    };
    const pacer = createPacer({
      store: slow,
      ratePerSecond: 20,
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now += ms;
      },
    });
    let transacts = 0;
    const counted: DocumentStore<RateSlotRecord> = {
      ...slow,
      transact: (id, d) => (transacts++, slow.transact(id, d)),
    };
    const counting = createPacer({
      store: counted,
      ratePerSecond: 20,
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now += ms;
      },
    });
    expect(await pacer.acquire(ACTION, { deadline: T0 + 10_000 })).toMatchObject({ ok: true });
    clock.now += 5_000;
    expect(await counting.acquire(ACTION, { deadline: clock.now + 10_000 })).toMatchObject({
      ok: true,
    });
    expect(transacts).toBe(1);
  });

  it('holds the queue back after ESS refused a call for its rate', async () => {
    const { pacer, clock } = pacerOnClock();
    const far = { deadline: T0 + 60_000 };
    for (let i = 0; i < 3; i += 1) await pacer.acquire(ACTION, far);
    await pacer.penalize(ACTION);
    // The next slot was T0 + 165; it moves a second back.
    expect(await pacer.acquire(ACTION, far)).toEqual({ ok: true, slotAt: T0 + 165 + 1000 });
    expect(clock.now).toBe(T0);
  });

  it('does not make up for idle time: after a pause the next call starts now, then paced', async () => {
    const { pacer, clock } = pacerOnClock();
    const far = () => ({ deadline: clock.now + 60_000 });
    await pacer.acquire(ACTION, far());
    clock.now += 10_000;
    const after = await Promise.all([1, 2, 3].map(() => pacer.acquire(ACTION, far())));
    expect(after.map((g) => g.ok && g.slotAt - clock.now)).toEqual([0, 55, 110]);
  });

  it('backs off after ESS answered RequestLimitExceeded (penalize), never earlier', async () => {
    const { pacer, clock, store } = pacerOnClock({ penaltyMs: 1000 });
    await pacer.penalize(ACTION);
    expect(await pacer.acquire(ACTION, { deadline: T0 + 5000 })).toEqual({
      ok: true,
      slotAt: T0 + 1000,
    });
    // A penalty never pulls the schedule forward: a queue ahead moves back by the penalty.
    for (let i = 0; i < 40; i += 1) await pacer.acquire(ACTION, { deadline: T0 + 60_000 });
    const before = (await store.get(ACTION))!.next;
    await pacer.penalize(ACTION);
    expect((await store.get(ACTION))!.next).toBe(before + 1000);
    expect(clock.now).toBe(T0);
  });

  it('tries again when the store gave up under contention, while the deadline allows', async () => {
    const clock = { now: T0 };
    const inner = memoryStore().collection<RateSlotRecord>(RATE_SLOTS_COLLECTION);
    let failures = 3;
    const contended: DocumentStore<RateSlotRecord> = {
      ...inner,
      transact: (id, decide) =>
        failures-- > 0
          ? Promise.reject(new StoreContentionError(RATE_SLOTS_COLLECTION, 12))
          : inner.transact(id, decide),
    };
    const pacer = createPacer({
      store: contended,
      ratePerSecond: 20,
      contentionPauseMs: 200,
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now += ms;
      },
      random: () => 0.5,
    });
    expect(await pacer.acquire(ACTION, { deadline: T0 + 10_000 })).toEqual({
      ok: true,
      slotAt: T0 + 600,
    });
    failures = 1;
    expect(await pacer.acquire(ACTION, { deadline: clock.now + 100 })).toEqual({
      ok: false,
      retryAfterMs: 200,
    });
  });

  it('reads ESS_RATE_LIMIT (default 20 per second and action)', () => {
    const base = { ESS_SECRET_ID: 'id', ESS_SECRET_KEY: 'key', ESS_OPERATOR_ID: 'op' };
    expect(loadEssConfig(base)).toMatchObject({ ok: true, config: { rateLimitPerSecond: 20 } });
    expect(loadEssConfig({ ...base, ESS_RATE_LIMIT: '5' })).toMatchObject({
      config: { rateLimitPerSecond: 5 },
    });
    for (const bad of ['0', '2.5', 'fast', '1001'])
      expect(loadEssConfig({ ...base, ESS_RATE_LIMIT: bad })).toEqual({
        ok: false,
        problems: [expect.stringContaining('ESS_RATE_LIMIT')],
      });
  });
});

describe('pacer: store work for 200 acquires at once', () => {
  /** Wraps a collection to count transacts and decisions. */
  function counting(store: DocumentStore<RateSlotRecord>) {
    const work = { transacts: 0, decisions: 0 };
    const counted: DocumentStore<RateSlotRecord> = {
      ...store,
      transact(id, decide) {
        work.transacts += 1;
        return store.transact(id, (current) => {
          work.decisions += 1;
          return decide(current);
        });
      },
    };
    return { counted, work };
  }
  const noWait = { sleep: async () => undefined };

  it('local file store: one transact each, decided once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pacer-'));
    try {
      const { counted, work } = counting(
        localFileStore(dir).collection<RateSlotRecord>(RATE_SLOTS_COLLECTION),
      );
      const pacer = createPacer({ store: counted, ratePerSecond: 20, ...noWait });
      const deadline = Date.now() + 60_000;
      const got = await Promise.all(
        Array.from({ length: 200 }, () => pacer.acquire(ACTION, { deadline })),
      );
      const slots = got.map((g) => (g.ok ? g.slotAt : NaN));
      expect(new Set(slots).size).toBe(200);
      expect(busiestSecond(slots)).toBeLessThanOrEqual(20);
      expect(work).toEqual({ transacts: 200, decisions: 200 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('WeChat cloud database (stand-in), 200 instances: every slot distinct, bounded requests', async () => {
    const standIn = wxDatabaseStandIn();
    const got = await Promise.all(
      Array.from({ length: 200 }, () => {
        // Each instance opens its own store, as separate function instances do.
        const store = cloudDatabaseStore('env-1', {
          database: () => standIn.database({ throwOnNotFound: false }) as CloudDatabase,
        }).collection<RateSlotRecord>(RATE_SLOTS_COLLECTION);
        const pacer = createPacer({ store, ratePerSecond: 20, ...noWait });
        return pacer.acquire(ACTION, { deadline: Date.now() + 60_000 });
      }),
    );
    const slots = got.map((g) => (g.ok ? g.slotAt : NaN));
    expect(new Set(slots).size).toBe(200);
    expect(busiestSecond(slots)).toBeLessThanOrEqual(20);
    // Uncontended it would be 2 requests (read, conditional write); a burst on one document
    // costs more, but stays bounded (see the cost note in pacer.ts).
    expect(standIn.totalRequests()).toBeGreaterThanOrEqual(400);
    expect(standIn.totalRequests() / 200).toBeLessThan(40);
  });
});

describe('pacer: 4 processes × 25 acquires on one local store', () => {
  // 40 per second: the same guarantee as at 20, with less real waiting for the slots.
  it('gives every acquire its own slot and never more than the rate in any second', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pacer-mp-'));
    try {
      const children = await Promise.all(
        [1, 2, 3, 4].map(() => runChild('pacerWorker.ts', [dir, '25', '40'])),
      );
      const reports = children.map((child) => {
        expect(child).toMatchObject({ code: 0 });
        return lastJsonLine<{ slots: number[]; transacts: number; decisions: number }>(
          child.stdout,
        );
      });
      const slots = reports.flatMap((report) => report.slots);
      expect(slots).toHaveLength(100);
      expect(new Set(slots).size).toBe(100);
      expect(busiestSecond(slots)).toBeLessThanOrEqual(40);
      const sorted = [...slots].sort((a, b) => a - b);
      const gaps = sorted.slice(1).map((slot, i) => slot - sorted[i]);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1100 / 40 - 1e-6);
      // Each transact decided once: the lock serialises them (no compare-and-set repeats). A
      // process woken too late for its slot (a busy machine) gives it up and takes another, so
      // there may be more transacts than acquires, never fewer.
      for (const report of reports) {
        expect(report.decisions).toBe(report.transacts);
        expect(report.transacts).toBeGreaterThanOrEqual(25);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
