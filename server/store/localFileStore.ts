/**
 * Local embedded store: each collection is one JSON file (`<name>.json`, `{ id: document }`)
 * under a data directory. Safe for several processes sharing that directory (each cloud-function
 * instance of the local gateway or a benchmark is a process):
 *
 * - Every write (put, delete, transact) holds the collection's lock file (`fileLock.ts`: exclusive
 *   create, stale-lock take-over when its owner died, bounded waiting) around read → change →
 *   write, on top of an in-process queue per file. So writes from any number of processes are
 *   serialised, none is lost, and `transact`'s decision runs exactly once, on the current document.
 * - A write replaces the file atomically: the new content goes to a temporary file
 *   (`<name>.json.tmp-<pid>-<random>`, mode 0600), then is renamed over the collection file. A
 *   reader (get, findBelow, readAll) sees the old or the new file, never half of one, without
 *   taking the lock. Files are not fsynced: the guarantee is against processes dying (the
 *   operating system keeps what they wrote), not power cuts, and an fsync would double the time
 *   of every write of the local gateway and the benchmarks.
 * - A process killed mid-write leaves at most its temporary file — which can hold names or ID
 *   numbers — and a stale lock. Temporary files are removed, under the lock, at the first write of
 *   each process to the collection and whenever a stale lock is taken over.
 *
 * Meant for one machine: local development, the demo, tests, benchmarks; not production traffic.
 */
import { randomBytes } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import path from 'path';
import {
  assertCollectionName,
  assertDocumentId,
  assertStorable,
  entriesBelow,
  jsonCopy,
  type DocumentStore,
  type StoreFactory,
} from './documentStore';
import { removeFilesOfDeadProcesses, withFileLock } from './fileLock';

export interface LocalFileStore extends StoreFactory {
  /**
   * Every document of a collection by id — for tests and diagnostics that need to see what is at
   * rest. Rejects when the collection file cannot be read.
   */
  readAll<T extends object>(name: string): Promise<Record<string, T>>;
}

// Shared through globalThis: each cloud-function bundle has its own copy of this module, and the
// local gateway loads several bundles into one process that write the same files.
const STATE_KEY = Symbol.for('ess-verify.localFileStore.state.v2');
interface ProcessState {
  /** Per collection file: the tail of its queue of operations in this process. */
  queues: Map<string, Promise<unknown>>;
  /** Collection files this process has cleaned of leftover temporary files (at its first write). */
  cleaned: Set<string>;
  /** Data directories this process has opened (and cleaned of dead processes' temporary files). */
  opened: Set<string>;
}
const registry = globalThis as unknown as Record<symbol, ProcessState | undefined>;
const state = (registry[STATE_KEY] ??= {
  queues: new Map(),
  cleaned: new Set(),
  opened: new Set(),
});

/**
 * Runs `task` after every earlier task of this process on the same file has finished (reads too,
 * so a read sees this process's earlier writes; they take no lock).
 */
function serialised<T>(file: string, task: () => Promise<T>): Promise<T> {
  const previous = state.queues.get(file) ?? Promise.resolve();
  const next = previous.then(task, task);
  const tail = next.catch(() => undefined);
  state.queues.set(file, tail);
  void tail.then(() => {
    if (state.queues.get(file) === tail) state.queues.delete(file);
  });
  return next;
}

const TEMP_MARK = '.tmp-';
/** This store's temporary files for `file`, and those of its earlier versions (`.<pid>.<ms>.tmp`). */
function isTempFileOf(file: string, entry: string): boolean {
  const base = path.basename(file);
  if (!entry.startsWith(`${base}.`)) return false;
  const rest = entry.slice(base.length);
  return rest.startsWith(TEMP_MARK) || /^\.\d+\.\d+\.tmp$/.test(rest);
}

/**
 * On open: the temporary files that processes which no longer run left behind (killed in the
 * middle of a write), in every collection — they may hold names and ID numbers. A live process's
 * temporary file is its write in progress and is left alone.
 */
function removeTempFilesOfDeadProcesses(root: string): void {
  removeFilesOfDeadProcesses(root, (entry) => {
    const match =
      /\.json\.tmp-(\d+)-[0-9a-f]+$/.exec(entry) ?? /\.json\.(\d+)\.\d+\.tmp$/.exec(entry);
    return match ? Number(match[1]) : null;
  });
}

/** Removes temporary files left by writers that died. Call only while holding the lock. */
function removeLeftoverTempFiles(file: string): void {
  const dir = path.dirname(file);
  for (const entry of readdirSync(dir))
    if (isTempFileOf(file, entry)) rmSync(path.join(dir, entry), { force: true });
}

// The file operations are synchronous: small files, a few system calls each, cheaper than as many
// trips through libuv's thread pool when the machine is busy.
function readDocs<T>(file: string): Map<string, T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  // A Map, so that ids such as "__proto__" stay plain keys.
  return new Map(Object.entries(JSON.parse(text) as Record<string, T>));
}

function writeDocs<T>(file: string, docs: Map<string, T>): void {
  const temp = `${file}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, JSON.stringify(Object.fromEntries(docs), null, 2), {
      mode: 0o600,
      flag: 'wx',
    });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function localFileStore(dataDir: string): LocalFileStore {
  const root = path.resolve(dataDir);
  if (!state.opened.has(root)) {
    state.opened.add(root);
    removeTempFilesOfDeadProcesses(root);
  }
  const fileOf = (name: string) => {
    assertCollectionName(name);
    return path.join(root, `${name}.json`);
  };

  /** Runs `task` holding the collection's lock (after this process's earlier operations). */
  const locked = <T>(file: string, task: () => Promise<T>): Promise<T> =>
    serialised(file, async () => {
      mkdirSync(root, { recursive: true, mode: 0o700 });
      return withFileLock(file, async ({ tookOver }) => {
        if (tookOver || !state.cleaned.has(file)) {
          removeLeftoverTempFiles(file);
          state.cleaned.add(file);
        }
        return task();
      });
    });

  /** Reads the collection, lets `change` edit it, and writes it back if `change` did change it. */
  const update = <T, V>(
    file: string,
    change: (docs: Map<string, T>) => { changed: boolean; value: V },
  ): Promise<V> =>
    locked(file, async () => {
      const docs = readDocs<T>(file);
      const { changed, value } = change(docs);
      if (changed) writeDocs(file, docs);
      return value;
    });

  return {
    describe: () => `local files in ${root}`,
    readAll<T extends object>(name: string) {
      const file = fileOf(name);
      return serialised(file, async () => Object.fromEntries(readDocs<T>(file)));
    },
    collection<T extends object>(name: string): DocumentStore<T> {
      const file = fileOf(name);
      return {
        get: async (id) => {
          assertDocumentId(id);
          return serialised(file, async () => readDocs<T>(file).get(id) ?? null);
        },
        put: async (id, doc) => {
          assertDocumentId(id);
          assertStorable(doc);
          const stored = jsonCopy(doc);
          return update<T, void>(file, (docs) => {
            docs.set(id, stored);
            return { changed: true, value: undefined };
          });
        },
        delete: async (id) => {
          assertDocumentId(id);
          return update<T, void>(file, (docs) => ({ changed: docs.delete(id), value: undefined }));
        },
        findBelow: (field, value, limit) =>
          serialised(file, async () =>
            entriesBelow(readDocs<T>(file), field, value, limit).map(([id, doc]) => ({ id, doc })),
          ),
        transact: async (id, decide) => {
          assertDocumentId(id);
          return update(file, (docs: Map<string, T>) => {
            const decision = decide(docs.has(id) ? jsonCopy(docs.get(id)!) : null);
            if (decision.write) {
              assertStorable(decision.write);
              docs.set(id, jsonCopy(decision.write));
              return { changed: true, value: decision.result };
            }
            const removed = decision.remove === true && docs.delete(id);
            return { changed: removed, value: decision.result };
          });
        },
      };
    },
  };
}
