/**
 * `npm run bench:functions`: latency of the built cloud functions through the real ESS SDK
 * against the local ESS emulator (loopback, so this measures our code + SDK + signing, not ESS),
 * the time a user waits for a link as a multiple of ESS's own latency (one round trip: the link
 * and the status at link time are asked together), and how a burst above ESS's 20 requests/s
 * limit is absorbed.
 *
 *   npm run bench:functions -- [calls=200] [burst=40] [essLatencyMs=400]
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { essEnvFor, startLocalEssEmulator } from '../emulator/local';
import { buildCloudFunctions } from './build-functions';
import { person } from './load/people';
import { coldStartMs, percentile } from './measure';

type Main = (event: unknown) => Promise<{ ok: boolean; code?: string }>;

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(6);
  return `${label.padEnd(34)} n=${String(samples.length).padEnd(4)} p50 ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  max ${f(sorted[sorted.length - 1])} ms`;
}

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 200);
  const burst = Number(process.argv[3] ?? 40);
  const essLatencyMs = Number(process.argv[4] ?? 400);
  await buildCloudFunctions();
  const emulator = await startLocalEssEmulator();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ess-bench-'));
  Object.assign(process.env, essEnvFor(emulator), {
    LOCAL_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WX_CONTEXT_KEYS: 'WX_OPENID',
  });
  const load = (name: string) =>
    (require(path.resolve(__dirname, '..', 'cloudfunctions', name, 'index.js')) as { main: Main })
      .main;
  const create = load('createUserVerifyUrl');
  const status = load('getUserVerifyStatus');
  try {
    console.log(`cold start (fresh process: load + first call), median of 5:`);
    for (const name of ['createUserVerifyUrl', 'getUserVerifyStatus']) {
      console.log(
        `  ${name.padEnd(22)} ${coldStartMs(path.resolve(__dirname, '..', 'cloudfunctions', name, 'index.js')).toFixed(0)} ms`,
      );
    }

    const createMs: number[] = [];
    const statusMs: number[] = [];
    const reuseMs: number[] = [];
    // Stay under the emulator's 20 req/s per action, like a well-behaved client.
    const spacingMs = 110;
    for (let i = 0; i < calls; i += 1) {
      process.env.WX_OPENID = `oBench${i}`;
      let t = performance.now();
      const created = await create(person(i));
      createMs.push(performance.now() - t);
      if (!created.ok) throw new Error(`createUserVerifyUrl failed: ${created.code}`);
      t = performance.now();
      await create(person(i));
      reuseMs.push(performance.now() - t);
      t = performance.now();
      await status({});
      statusMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, spacingMs));
    }
    console.log(`\nsequential calls against the emulator on loopback:`);
    console.log(`  ${summary('createUserVerifyUrl (2 ESS calls at once)', createMs)}`);
    console.log(`  ${summary('createUserVerifyUrl (link reused)', reuseMs)}`);
    console.log(`  ${summary('getUserVerifyStatus (1 ESS call)', statusMs)}`);

    // Time to link with ESS answering after `essLatencyMs`: one round trip, not two.
    emulator.reset();
    emulator.setLatency(essLatencyMs);
    const linkMs: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      process.env.WX_OPENID = `oLatency${i}`;
      const t = performance.now();
      const created = await create(person(20_000 + i));
      linkMs.push(performance.now() - t);
      if (!created.ok) throw new Error(`createUserVerifyUrl failed: ${created.code}`);
    }
    emulator.setLatency(0);
    const p50 = percentile(
      [...linkMs].sort((a, b) => a - b),
      50,
    );
    console.log(`
time to link with ESS answering after ${essLatencyMs} ms (10 new users):`);
    console.log(
      `  p50 ${p50.toFixed(0)} ms = ${(p50 / essLatencyMs).toFixed(2)}x ESS's latency (two calls one after the other would be >= 2x)`,
    );

    emulator.reset();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: burst }, (_, i) => {
        process.env.WX_OPENID = `oBurst${i}`;
        return create(person(10_000 + i));
      }),
    );
    const elapsed = performance.now() - started;
    const limited = emulator.calls().filter((c) => c.errorCode === 'RequestLimitExceeded').length;
    const failed = results.filter((r) => !r.ok);
    console.log(
      `\nburst of ${burst} concurrent createUserVerifyUrl (ESS limit 20 req/s per action):`,
    );
    console.log(
      `  ${burst - failed.length}/${burst} succeeded in ${elapsed.toFixed(0)} ms; ESS answered RequestLimitExceeded ${limited} times (retried with back-off)`,
    );
    if (failed.length)
      console.log(`  failed: ${[...new Set(failed.map((r) => r.code))].join(', ')}`);
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
