/**
 * A lock shared by the processes of one machine: the file `<path>.lock`, holding its owner's
 * host, pid and a random token. It appears whole or not at all: the owner writes its content to
 * a file of its own (`<path>.lock.new-<host tag>-<pid>-<random>`, once per acquisition) and
 * hard-links that to `<path>.lock` (link fails if the lock exists, so exactly one process
 * succeeds; each attempt while waiting is one link call), then removes its own file.
 * Creating the lock empty and writing into it would leave an empty lock — no owner to check, so
 * blocking everyone until `staleMs` — if the process were killed between the two calls (that is
 * still the fallback where the file system has no hard links). An own file left by a process of
 * this host killed before removing it is removed by the next process that takes the lock.
 *
 * - Waiting: a process that finds the lock taken tries again after a short jittered sleep
 *   (a few ms, growing to 25 ms), for at most `waitMs`, then gives up with `LockTimeoutError`.
 * - Stale locks: a lock whose owner no longer runs (same host, pid gone: it was killed, possibly
 *   mid-write) or that is older than `staleMs` (its owner hangs, or a reused pid hides its death)
 *   is broken, and the caller learns it took over (`tookOver`) so it can clean up what the dead
 *   owner left. Breaking is itself guarded by `<path>.lock.break` (created the same way) and
 *   re-checks that the lock is still the very one found stale, so two waiters never break a fresh
 *   lock between them; a break guard left by a process killed in those few system calls is
 *   removed like a stale lock (its owner is gone, or it is older than `staleMs`).
 * - Release removes the lock only while it still holds the owner's token.
 *
 * The pid check needs the processes to share one pid namespace (one machine or container); across
 * hosts only the age rule applies.
 */
import { createHash, randomBytes } from 'crypto';
import {
  linkSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'fs';
import os from 'os';
import nodePath from 'path';

export interface FileLockOptions {
  /** How long to wait for the lock before giving up (default 10 s). */
  waitMs?: number;
  /** Age after which a lock counts as abandoned whatever its pid (default 30 s). */
  staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(lockPath: string, waitedMs: number) {
    super(`store: ${lockPath} stayed locked for ${waitedMs} ms`);
    this.name = 'LockTimeoutError';
  }
}

interface Holder {
  raw: string;
  ino: number;
  ageMs: number;
  host?: string;
  pid?: number;
}

const HOST = os.hostname();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Whether a process with this pid runs (on this machine). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return errorCode(error) === 'EPERM';
  }
}

function inspect(lockPath: string): Holder | null {
  try {
    const raw = readFileSync(lockPath, 'utf8');
    const stat = statSync(lockPath);
    let owner: { host?: string; pid?: number } = {};
    try {
      owner = JSON.parse(raw) as typeof owner;
    } catch {
      // Empty or partial: only where hard links cannot be made (see exclusiveCreator), when its
      // owner was killed between creating and writing it, or is doing so right now. Judged by
      // its age only.
    }
    return { raw, ino: stat.ino, ageMs: Date.now() - stat.mtimeMs, ...owner };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.ageMs > staleMs) return true;
  return (
    holder.host === HOST &&
    typeof holder.pid === 'number' &&
    holder.pid !== process.pid &&
    !processIsAlive(holder.pid)
  );
}

/**
 * This host in the names of own files: a short hash (a host name may hold any character). Own
 * files of another host sharing the folder are never judged by pid.
 */
const HOST_TAG = createHash('sha256').update(HOST).digest('hex').slice(0, 8);
/** `<lock>.new-<host tag>-<pid>-<random>` and `<lock>.break.new-…`, after the lock's name. */
const OWN_FILE = /^(?:\.break)?\.new-([0-9a-f]{8})-(\d+)-[0-9a-f]+$/;
/** link(2) errors of a file system without hard links (FAT, exFAT, some network or FUSE ones). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

interface ExclusiveCreator {
  /** Creates the file unless it exists (then false). */
  attempt(): boolean;
  /** Removes this process's own file; call once, whatever happened. */
  finish(): void;
}

/**
 * Creates `file` holding `content`, whole or not at all: `content` goes to a file of this
 * process's own (written once, whatever the number of attempts), which each attempt hard-links
 * to `file` — one link(2) call, failing with EEXIST while `file` exists. Where hard links cannot
 * be made, it falls back to an exclusive create followed by a write (an empty file is then
 * possible if the process is killed in between; `inspect` judges such a file by its age).
 */
function exclusiveCreator(file: string, content: string): ExclusiveCreator {
  let own: string | null = null;
  let written = false;
  let hardLinks = true;
  return {
    attempt() {
      if (hardLinks) {
        own ??= `${file}.new-${HOST_TAG}-${process.pid}-${randomBytes(4).toString('hex')}`;
        if (!written) {
          writeFileSync(own, content, { flag: 'wx', mode: 0o600 });
          written = true;
        }
        try {
          linkSync(own, file);
          return true;
        } catch (error) {
          const code = errorCode(error);
          // Over NFS a link that was made can still answer EEXIST: the link count tells.
          if (code === 'EEXIST') return statSync(own, { throwIfNoEntry: false })?.nlink === 2;
          if (code === 'ENOENT') {
            written = false; // the own file went missing: written again at the next attempt
            return false;
          }
          if (!NO_HARD_LINKS.has(code ?? '')) throw error;
          hardLinks = false;
        }
      }
      try {
        writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
        return true;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return false;
        rmSync(file, { force: true });
        throw error;
      }
    },
    finish() {
      if (!own) return;
      try {
        rmSync(own, { force: true });
      } catch {
        // Left for the next process that takes the lock (removeOwnFilesOfDeadProcesses).
      }
    },
  };
}

/** Creates `file` holding `content`, whole, unless it exists (then false): one attempt. */
function createExclusive(file: string, content: string): boolean {
  const creator = exclusiveCreator(file, content);
  try {
    return creator.attempt();
  } finally {
    creator.finish();
  }
}

/**
 * Removes the files of `dir` that `pidOf` attributes to a process of this machine that no longer
 * runs (`null`: not such a file). A folder that does not exist has nothing to remove.
 */
export function removeFilesOfDeadProcesses(
  dir: string,
  pidOf: (entry: string) => number | null,
): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const pid = pidOf(entry);
    if (pid !== null && pid !== process.pid && !processIsAlive(pid))
      rmSync(nodePath.join(dir, entry), { force: true });
  }
}

/**
 * Removes the own files (of `lockPath` and of its break guard) that dead processes of this host
 * left: one directory listing per acquisition, a handful of entries. Best effort: a failure here
 * never costs the caller its lock.
 */
function removeOwnFilesOfDeadProcesses(lockPath: string): void {
  const base = nodePath.basename(lockPath);
  try {
    removeFilesOfDeadProcesses(nodePath.dirname(lockPath), (entry) => {
      const match = entry.startsWith(base) ? OWN_FILE.exec(entry.slice(base.length)) : null;
      return match && match[1] === HOST_TAG ? Number(match[2]) : null;
    });
  } catch {
    // Tried again at the next acquisition.
  }
}

/** Removes the stale lock `found`, unless someone else already did or it changed meanwhile. */
function breakStale(lockPath: string, found: Holder, staleMs: number): boolean {
  const guard = `${lockPath}.break`;
  const guardContent = JSON.stringify({ host: HOST, pid: process.pid });
  if (!createExclusive(guard, guardContent)) {
    // Left by a process that died while breaking (or hangs): removed if still the one judged.
    const guardHolder = inspect(guard);
    if (guardHolder && isStale(guardHolder, staleMs)) {
      const again = inspect(guard);
      if (again?.ino === guardHolder.ino && again.raw === guardHolder.raw)
        rmSync(guard, { force: true });
    }
    return false;
  }
  try {
    const now = inspect(lockPath);
    if (!now || now.ino !== found.ino || now.raw !== found.raw) return false;
    rmSync(lockPath, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Runs `task` while holding `<path>.lock`. `tookOver` tells the task that a stale lock was broken
 * on the way (its owner may have died mid-task). The lock's own file operations are synchronous:
 * a few system calls on small files, cheaper than as many trips through libuv's thread pool.
 */
export async function withFileLock<T>(
  path: string,
  task: (lock: { tookOver: boolean }) => Promise<T>,
  { waitMs = 10_000, staleMs = 30_000 }: FileLockOptions = {},
): Promise<T> {
  const lockPath = `${path}.lock`;
  const content = JSON.stringify({
    host: HOST,
    pid: process.pid,
    token: randomBytes(8).toString('hex'),
    at: new Date().toISOString(),
  });
  const started = Date.now();
  let tookOver = false;
  let waited = false;
  const creator = exclusiveCreator(lockPath, content);
  try {
    for (let attempt = 0; !creator.attempt(); attempt += 1) {
      waited = true;
      const holder = inspect(lockPath);
      if (holder && isStale(holder, staleMs) && breakStale(lockPath, holder, staleMs)) {
        tookOver = true;
        continue;
      }
      const waitedMs = Date.now() - started;
      if (waitedMs > waitMs) throw new LockTimeoutError(lockPath, waitedMs);
      await sleep(Math.min(25, 2 + 2 * attempt) * (0.5 + Math.random()));
    }
  } finally {
    creator.finish();
  }
  try {
    // The lock's age (the stale rule) counts from now, not from when the own file was written.
    if (waited) {
      const now = new Date();
      utimesSync(lockPath, now, now);
    }
    removeOwnFilesOfDeadProcesses(lockPath);
    return await task({ tookOver });
  } finally {
    // Only our own lock: after `staleMs` another process may have broken it and taken its own.
    if (inspect(lockPath)?.raw === content) rmSync(lockPath, { force: true });
  }
}
