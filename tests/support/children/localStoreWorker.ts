/**
 * Child process for tests/server/localFileStore.test.ts: one "function instance" working on a
 * local file store shared with other processes. Usage: `<task> <dataDir> [args…]`:
 *
 *   increments <dataDir> <count>    transact +1 on counters/total, `count` times, all at once
 *   puts <dataDir> <prefix> <count> puts `<prefix>-<i>`, all at once
 *   writeLoop <dataDir>             rewrites a collection of personal data until killed
 *   lockLoop <dataDir>              takes and releases the lock of `x.json` until killed
 *
 * Prints `{"done":true}` when finished (`writing` once the loop has written).
 */
import path from 'path';
import { withFileLock } from '../../../server/store/fileLock';
import { localFileStore } from '../../../server/store/localFileStore';

const [task, dataDir, ...args] = process.argv.slice(2);
const store = localFileStore(dataDir);

async function increments(count: number) {
  const counters = store.collection<{ n: number }>('counters');
  await Promise.all(
    Array.from({ length: count }, () =>
      counters.transact('total', (current) => ({
        result: null,
        write: { n: (current?.n ?? 0) + 1 },
      })),
    ),
  );
}

async function puts(prefix: string, count: number) {
  const docs = store.collection<{ by: number; i: number }>('docs');
  await Promise.all(
    Array.from({ length: count }, (_, i) => docs.put(`${prefix}-${i}`, { by: process.pid, i })),
  );
}

/** Large documents, so that most of the time is spent writing the file. */
async function writeLoop() {
  const people = store.collection<{
    name: string;
    idCardNumber: string;
    round: number;
    pad: string;
  }>('people');
  for (let round = 1; ; round += 1) {
    await people.put(`p${round % 50}`, {
      name: '张三',
      idCardNumber: '11010519491231002X',
      round,
      pad: 'x'.repeat(2000),
    });
    if (round === 1) process.stdout.write('writing\n');
  }
}

async function lockLoop() {
  const target = path.join(dataDir, 'x.json');
  for (let round = 1; ; round += 1) {
    await withFileLock(target, async () => {});
    if (round === 1) process.stdout.write('locking\n');
  }
}

async function run() {
  if (task === 'increments') await increments(Number(args[0]));
  else if (task === 'puts') await puts(args[0], Number(args[1]));
  else if (task === 'writeLoop') await writeLoop();
  else if (task === 'lockLoop') await lockLoop();
  else throw new Error(`unknown task ${task}`);
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
}

void run();
