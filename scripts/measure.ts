/** Small measuring helpers shared by the benchmark and budget scripts. */
import { spawnSync } from 'child_process';
import { readdirSync, statSync } from 'fs';
import path from 'path';

/** Total bytes of the files under `dir`, skipping sub-folders whose relative path is in `exclude`. */
export function folderBytes(dir: string, exclude: string[] = [], base = dir): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (exclude.includes(path.relative(base, full))) continue;
    const stat = statSync(full);
    total += stat.isDirectory() ? folderBytes(full, exclude, base) : stat.size;
  }
  return total;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Cold start of a cloud-function bundle, as on a cold WeChat cloud instance: a fresh Node process
 * that requires it and runs the first invocation (which reads the caller's identity from the
 * environment; without ESS configuration it answers CONFIG_ERROR, so no network is involved).
 * Returns the median of `runs` wall-clock times in ms (Node's own start-up excluded).
 */
export function coldStartMs(bundle: string, runs = 5): number {
  const times: number[] = [];
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(bundle)}).main({}).then(()=>process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6)))`;
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    WX_CONTEXT_KEYS: 'WX_OPENID',
    WX_OPENID: 'oColdStart',
    LOG_LEVEL: 'silent',
  };
  for (let i = 0; i < runs; i += 1) {
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
    if (result.status !== 0) throw new Error(`could not load ${bundle}: ${result.stderr}`);
    times.push(Number(result.stdout));
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}
