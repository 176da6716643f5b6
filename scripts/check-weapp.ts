/**
 * `npm run check:weapp` (part of `npm test`): the mini-program as WeChat's own tools see it.
 *
 *   1. builds dist/weapp (`--no-build`: use the current one, e.g. right after check:budgets);
 *      `--verbose` also prints what miniprogram-ci logged (always printed on a failure);
 *   2. compiles every .wxml with wcc and every .wxss with wcsc (WeChat's compilers);
 *   3. runs miniprogram-ci's local compile and code-quality scan, offline (see weappChecks.ts);
 *   4. checks the sitemap app.json points to is in the package.
 * Prints a short table; exits 1 on any compiler error, compile failure or failed quality item.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { kb } from './measure';
import { taroBuild } from './taroBuild';
import {
  compileWithMiniprogramCi,
  compileWxml,
  compileWxss,
  type CiReport,
  type CompileReport,
} from './weappChecks';

const ROOT = path.resolve(__dirname, '..');
const WEAPP = path.join(ROOT, 'dist', 'weapp');

interface Row {
  what: string;
  value: string;
  ok: boolean;
  detail?: string;
}

function compilerRow(report: CompileReport, kind: string): Row {
  return {
    what: `${report.compiler}: ${kind}`,
    value: `${report.files.length} files`,
    ok: !report.error && report.files.length > 0,
    detail: report.error ?? (report.files.length ? undefined : `no ${kind} found`),
  };
}

function sitemapRow(): Row {
  const app = JSON.parse(readFileSync(path.join(WEAPP, 'app.json'), 'utf8')) as {
    sitemapLocation?: string;
  };
  const location = app.sitemapLocation;
  const ok = !!location && existsSync(path.join(WEAPP, location));
  return {
    what: 'sitemap (app.json sitemapLocation)',
    value: location ?? 'none',
    ok,
    detail: ok ? undefined : 'app.json must name a sitemap that is in the package',
  };
}

function ciRows(report: CiReport): Row[] {
  const rows: Row[] = [
    {
      what: 'miniprogram-ci getCompiledResult',
      value: `${Object.keys(report.compiledFiles).length} files`,
      ok: Object.keys(report.compiledFiles).length > 0,
    },
  ];
  for (const { name, bytes } of report.packages) {
    rows.push({
      what: `  package ${name === '__APP__' ? 'main' : `${name}/`} (compiled)`,
      value: kb(bytes),
      ok: true,
    });
  }
  for (const item of report.quality) {
    rows.push({
      what: `checkCodeQuality ${item.name}`,
      value: item.success ? 'pass' : 'FAIL',
      ok: item.success,
      detail: item.success ? undefined : item.text,
    });
  }
  return rows;
}

function printRows(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.what.length));
  for (const row of rows) {
    console.log(`${row.ok ? 'ok  ' : 'FAIL'}  ${row.what.padEnd(width)}  ${row.value}`);
    if (row.detail) console.log(`        ${row.detail.replace(/\n/g, '\n        ')}`);
  }
}

async function main(): Promise<number> {
  if (!process.argv.includes('--no-build')) taroBuild('weapp');
  if (!existsSync(path.join(WEAPP, 'app.json')))
    throw new Error('dist/weapp has no app.json: build it first (npm run build:weapp)');

  const rows: Row[] = [
    compilerRow(compileWxml(WEAPP), 'WXML'),
    compilerRow(compileWxss(WEAPP), 'WXSS'),
    sitemapRow(),
  ];
  const ci = await compileWithMiniprogramCi(ROOT);
  rows.push(...ciRows(ci));
  printRows(rows);
  if (ci.refusedRequests.length)
    console.log(`\n(offline: refused ${ci.refusedRequests.join(', ')} — built-in lists used)`);

  const failed = rows.filter((r) => !r.ok);
  if (failed.length || process.argv.includes('--verbose')) {
    console.log(`\nminiprogram-ci said:\n  ${ci.log.join('\n  ')}`);
  }
  if (failed.length) {
    console.error(`\n${failed.length} WeChat check(s) failed`);
    return 1;
  }
  console.log('\nWeChat compilers and miniprogram-ci: all checks pass');
  return 0;
}

// miniprogram-ci leaves a file watcher running, so the process ends explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
