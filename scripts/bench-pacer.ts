/**
 * `npx tsx scripts/bench-pacer.ts [acquires=200]`: what a burst of ESS-call acquires costs the
 * store behind the pacer (server/ess/pacer.ts), and what schedule it gets.
 *
 * - local file store, one process (all acquires at once);
 * - WeChat cloud database adapter on the test stand-in of wx-server-sdk's database, one store per
 *   acquire as separate function instances would have, with a simulated request latency each way
 *   (the real database cannot be reached from here): all acquires at the same instant, spread
 *   over one second, or served by 20 instances one after another (a function's concurrency
 *   limit in the WeChat cloud's basic quota).
 * Slots are taken without waiting for them (the schedule is what is measured). Prints, per case:
 * acquires that got a slot, distinct slots, the busiest 1000 ms span, transacts, database
 * requests per acquire, and the wall time of taking the slots.
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { createPacer, RATE_SLOTS_COLLECTION, type RateSlotRecord } from '../server/ess/pacer';
import { cloudDatabaseStore, type CloudDatabase } from '../server/store/cloudDatabaseStore';
import type { DocumentStore } from '../server/store/documentStore';
import { localFileStore } from '../server/store/localFileStore';
import { wxDatabaseStandIn } from '../tests/support/wxDatabaseStandIn';

const ACQUIRES = Number(process.argv[2] ?? 200);
const RATE = 20;
const ACTION = 'CreateUserVerifyUrl';

function busiestSecond(slots: number[]): number {
  const sorted = [...slots].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (j < sorted.length && sorted[j] < sorted[i] + 1000) j += 1;
    most = Math.max(most, j - i);
  }
  return most;
}

interface Row {
  case: string;
  slots: string;
  distinct: number;
  busiestSecond: number;
  transacts: number;
  requestsPerAcquire: string;
  wallMs: number;
}

/** How the acquires arrive: all at once, spread over a time, or `n` instances back to back. */
type Arrival = { at: 'once' } | { at: 'spread'; ms: number } | { at: 'instances'; n: number };

async function burst(
  label: string,
  storeFor: () => DocumentStore<RateSlotRecord>,
  arrival: Arrival,
  requests: () => number | null,
): Promise<Row> {
  let transacts = 0;
  const started = Date.now();
  const deadline = started + 60_000;
  const acquireOne = async () => {
    const store = storeFor();
    const counted: DocumentStore<RateSlotRecord> = {
      ...store,
      transact: (id, decide) => {
        transacts += 1;
        return store.transact(id, decide);
      },
    };
    const pacer = createPacer({
      store: counted,
      ratePerSecond: RATE,
      sleep: async () => undefined,
    });
    return pacer.acquire(ACTION, { deadline });
  };
  const results: Awaited<ReturnType<typeof acquireOne>>[] = [];
  if (arrival.at === 'instances') {
    // Like a function limited to `n` concurrent instances: each serves one caller after another.
    let left = ACQUIRES;
    await Promise.all(
      Array.from({ length: arrival.n }, async () => {
        while (left > 0) {
          left -= 1;
          results.push(await acquireOne());
        }
      }),
    );
  } else {
    const spread = arrival.at === 'spread' ? arrival.ms : 0;
    const all = Array.from({ length: ACQUIRES }, async () => {
      if (spread) await new Promise((resolve) => setTimeout(resolve, Math.random() * spread));
      return acquireOne();
    });
    results.push(...(await Promise.all(all)));
  }
  const slots = results.flatMap((r) => (r.ok ? [r.slotAt] : []));
  const n = requests();
  return {
    case: label,
    slots: `${slots.length}/${ACQUIRES}`,
    distinct: new Set(slots).size,
    busiestSecond: busiestSecond(slots),
    transacts,
    requestsPerAcquire: n === null ? '-' : (n / ACQUIRES).toFixed(1),
    wallMs: Date.now() - started,
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pacer-'));
  try {
    const local = localFileStore(dir).collection<RateSlotRecord>(RATE_SLOTS_COLLECTION);
    rows.push(
      await burst(
        'local file store, at once',
        () => local,
        { at: 'once' },
        () => null,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const arrivals: [string, Arrival][] = [
    ['at once', { at: 'once' }],
    ['over 1 s', { at: 'spread', ms: 1000 }],
    ['20 instances', { at: 'instances', n: 20 }],
  ];
  for (const latency of [5, 10])
    for (const [name, arrival] of arrivals) {
      const standIn = wxDatabaseStandIn({ latencyMs: () => latency * (0.5 + Math.random()) });
      const database = () => standIn.database({ throwOnNotFound: false }) as CloudDatabase;
      rows.push(
        await burst(
          `cloud stand-in ${latency} ms, ${name}`,
          () =>
            cloudDatabaseStore('bench', { database }).collection<RateSlotRecord>(
              RATE_SLOTS_COLLECTION,
            ),
          arrival,
          () => standIn.totalRequests(),
        ),
      );
    }
  console.log(`${ACQUIRES} acquires of one action, ${RATE}/s`);
  console.table(rows);
}

void main();
