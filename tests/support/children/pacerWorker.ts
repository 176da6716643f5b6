/**
 * Child process for tests/server/pacer.test.ts: one function instance pacing ESS calls through the
 * local file store it shares with other processes. Usage: `<dataDir> <acquires> <ratePerSecond>`.
 * Starts every acquire at once (real clock, real sleeps) and prints, as one JSON line, the start
 * of each slot it got and the store work it cost (transacts, decisions).
 */
import { createPacer, RATE_SLOTS_COLLECTION, type RateSlotRecord } from '../../../server/ess/pacer';
import type { DocumentStore } from '../../../server/store/documentStore';
import { localFileStore } from '../../../server/store/localFileStore';

const [dataDir, acquires, rate] = process.argv.slice(2);
const slots = localFileStore(dataDir).collection<RateSlotRecord>(RATE_SLOTS_COLLECTION);
const work = { transacts: 0, decisions: 0 };
const counted: DocumentStore<RateSlotRecord> = {
  ...slots,
  transact(id, decide) {
    work.transacts += 1;
    return slots.transact(id, (current) => {
      work.decisions += 1;
      return decide(current);
    });
  },
};

async function run() {
  const pacer = createPacer({ store: counted, ratePerSecond: Number(rate) });
  const deadline = Date.now() + 60_000;
  const results = await Promise.all(
    Array.from({ length: Number(acquires) }, () =>
      pacer.acquire('CreateUserVerifyUrl', { deadline }).then((acquired) => {
        if (!acquired.ok) throw new Error(`no slot: ${JSON.stringify(acquired)}`);
        // The slot has started: it may not be in the future any more.
        if (acquired.slotAt > Date.now()) throw new Error('answered before its slot started');
        return acquired.slotAt;
      }),
    ),
  );
  process.stdout.write(`${JSON.stringify({ slots: results, ...work })}\n`);
}

void run();
