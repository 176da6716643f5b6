/**
 * The cold path of a cloud function as the WeChat cloud pays it, against the SDKs it would
 * otherwise load, measured in the same run so that a busy machine slows both sides alike:
 *
 * - ours: a fresh Node process loads a function bundle, runs a call (which reads the caller from
 *   the environment), then creates the database client the way the function does on first use
 *   (`loadCloud().database(…)`: wx-server-sdk as deployed, built for the database alone,
 *   `wx-server-sdk.db.js` next to the bundle);
 * - reference: a fresh Node process runs `require('tencentcloud-sdk-nodejs')` and
 *   `require('wx-server-sdk')`, what an unbundled function loads before its first line.
 *
 * Callers check the ratios only; the milliseconds are printed for the reader.
 */
import { spawnSync } from 'child_process';
import { mkdirSync } from 'fs';
import path from 'path';
import { bundleForTheCloud, placeWxDatabaseClient } from './build-functions';

const ROOT = path.resolve(__dirname, '..');
const PROBE_DIR = path.join(ROOT, 'dist', 'cold-path-probe');

export interface ColdPathReport {
  runs: number;
  /** Best of `runs`, in ms (Node's own start-up excluded on both sides). */
  callerOnlyMs: number;
  wholePathMs: number;
  referenceMs: number;
  /** reference / whole path: the gain on a call that uses the database (every real call). */
  wholePathRatio: number;
  /** reference / (bundle + caller): the gain on a call answered before any database use. */
  callerOnlyRatio: number;
}

/** Builds the probe (a real function + its database loader) with the deployed bundles' options. */
export async function buildColdPathProbe(): Promise<string> {
  mkdirSync(PROBE_DIR, { recursive: true });
  const outfile = path.join(PROBE_DIR, 'index.js');
  await bundleForTheCloud(path.join(__dirname, 'coldPathProbe.ts'), outfile);
  await placeWxDatabaseClient([PROBE_DIR]);
  return outfile;
}

function runNode(script: string, env: Record<string, string | undefined>): string {
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  if (result.status !== 0) throw new Error(`cold-path run failed: ${result.stderr}`);
  return result.stdout;
}

const elapsed = 'Number(process.hrtime.bigint() - t) / 1e6';

/** Runs both sides `runs` times, interleaved, and compares the best times. */
export function measureColdPath(probe: string, runs = 7): ColdPathReport {
  const ours = `const t = process.hrtime.bigint();
    const probe = require(${JSON.stringify(probe)});
    probe.main({}).then(() => {
      const callerOnly = ${elapsed};
      probe.loadCloud().database({ throwOnNotFound: false });
      process.stdout.write(JSON.stringify([callerOnly, ${elapsed}]));
    });`;
  const reference = `const t = process.hrtime.bigint();
    require('tencentcloud-sdk-nodejs');
    require('wx-server-sdk');
    process.stdout.write(JSON.stringify(${elapsed}));`;
  const oursEnv = {
    WX_CONTEXT_KEYS: 'WX_OPENID',
    WX_OPENID: 'oColdPath',
    LOG_LEVEL: 'silent',
    LOCAL_DATA_DIR: path.join(PROBE_DIR, 'data'),
  };

  const callerOnly: number[] = [];
  const whole: number[] = [];
  const referenceRuns: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const [c, w] = JSON.parse(runNode(ours, oursEnv)) as [number, number];
    callerOnly.push(c);
    whole.push(w);
    referenceRuns.push(Number(runNode(reference, {})));
  }
  // Best of N: interference from other work on the machine only ever adds time.
  const best = (values: number[]) => Math.min(...values);
  const report = {
    runs,
    callerOnlyMs: best(callerOnly),
    wholePathMs: best(whole),
    referenceMs: best(referenceRuns),
  };
  return {
    ...report,
    wholePathRatio: report.referenceMs / report.wholePathMs,
    callerOnlyRatio: report.referenceMs / report.callerOnlyMs,
  };
}

if (require.main === module) {
  buildColdPathProbe()
    .then((probe) => {
      const r = measureColdPath(probe, Number(process.argv[2]) || 7);
      console.log(JSON.stringify(r, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
