/**
 * `npm run check:budgets` (part of `npm test`): size and cold-start budgets, measured.
 *
 * - mini-program main package (dist/weapp without sub-packages): WeChat's hard limit is 2 MB;
 *   we keep far below so the first open is fast on a phone network;
 * - each cloud-function bundle (deploy size) and its cold start (load + first invocation);
 * - the H5 app entry (dist/h5/js/app.*.js), when built.
 * Builds what is missing or stale (weapp, functions) first. Exits 1 on any budget exceeded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { buildCloudFunctions } from './build-functions';
import { taroBuild } from './taroBuild';
import { coldStartMs, folderBytes, kb } from './measure';

const ROOT = path.resolve(__dirname, '..');
export const BUDGETS = {
  weappMainPackageBytes: 600 * 1024,
  weappTotalBytes: 1024 * 1024,
  weappSubPackageBytes: 200 * 1024,
  functionBundleBytes: 900 * 1024,
  functionColdStartMs: 500,
  h5AppEntryBytes: 350 * 1024,
};

async function main(): Promise<void> {
  const rows: { what: string; value: string; budget: string; ok: boolean }[] = [];
  const check = (what: string, value: number, budget: number, format: (n: number) => string) =>
    rows.push({ what, value: format(value), budget: format(budget), ok: value <= budget });

  taroBuild('weapp');
  const weapp = path.join(ROOT, 'dist', 'weapp');
  const appJson = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
  };
  const subRoots = (appJson.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  check('weapp main package', folderBytes(weapp, subRoots), BUDGETS.weappMainPackageBytes, kb);
  check('weapp total (all packages)', folderBytes(weapp), BUDGETS.weappTotalBytes, kb);
  for (const root of subRoots) {
    check(
      `weapp sub-package ${root}/`,
      folderBytes(path.join(weapp, root)),
      BUDGETS.weappSubPackageBytes,
      kb,
    );
  }

  for (const { name, bytes } of await buildCloudFunctions()) {
    check(`cloud function ${name} bundle`, bytes, BUDGETS.functionBundleBytes, kb);
    const ms = coldStartMs(path.join(ROOT, 'cloudfunctions', name, 'index.js'));
    check(
      `cloud function ${name} cold start (median of 5)`,
      ms,
      BUDGETS.functionColdStartMs,
      (n) => `${n.toFixed(0)} ms`,
    );
  }

  const h5js = path.join(ROOT, 'dist', 'h5', 'js');
  if (existsSync(h5js)) {
    const entry = readdirSync(h5js).find((f) => /^app\..*\.js$/.test(f));
    if (entry)
      check('h5 app entry', statSync(path.join(h5js, entry)).size, BUDGETS.h5AppEntryBytes, kb);
  }

  const width = Math.max(...rows.map((r) => r.what.length));
  for (const row of rows) {
    console.log(
      `${row.ok ? 'ok  ' : 'OVER'}  ${row.what.padEnd(width)}  ${row.value.padStart(8)}  (budget ${row.budget})`,
    );
  }
  const over = rows.filter((r) => !r.ok);
  if (over.length) {
    console.error(`\n${over.length} budget(s) exceeded`);
    process.exit(1);
  }
  console.log('\nall budgets met');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
