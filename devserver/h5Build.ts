/**
 * Makes sure dist/h5 is a build of the current sources: `taro build --type h5` runs only when a
 * file under src/ or config/ (or package.json) is newer than the last build.
 */
import { readdirSync, statSync } from 'fs';
import path from 'path';
import { taroBuild } from '../scripts/taroBuild';

const ROOT = path.resolve(__dirname, '..');
const BUILD_MARKER = path.join(ROOT, 'dist', 'h5', 'index.html');

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  );
}

export function h5BuildIsCurrent(): boolean {
  let built: number;
  try {
    built = statSync(BUILD_MARKER).mtimeMs;
  } catch {
    return false;
  }
  const sources = ['src', 'config', 'package.json', 'babel.config.js'].map((p) =>
    path.join(ROOT, p),
  );
  return sources.every((source) => newestMtime(source) <= built);
}

/** Builds the H5 pages if needed; returns how long it took (0 when already current). */
export function ensureH5Build(log: (line: string) => void = console.log): number {
  if (h5BuildIsCurrent()) return 0;
  log('Building the H5 pages (taro build --type h5) …');
  return taroBuild('h5');
}
