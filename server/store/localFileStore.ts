/**
 * Local embedded store: each collection is one JSON file under a data directory, rewritten
 * atomically (write to a temp file, then rename), writes serialised per file. Meant for one
 * process at a time (tests, the local demo and gateway), not for production traffic.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { DocumentStore, StoreFactory } from './documentStore';

// Shared through globalThis: each cloud-function bundle has its own copy of this module, and the
// local gateway loads several bundles into one process that write the same files.
const QUEUES_KEY = Symbol.for('ess-verify.localFileStore.queues');
const registry = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>;
const queues = (registry[QUEUES_KEY] ??= new Map<string, Promise<unknown>>());

/** Runs `task` after every earlier task on the same file has finished. */
function serialised<T>(file: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(
    file,
    next.catch(() => undefined),
  );
  return next;
}

async function readAll<T>(file: string): Promise<Record<string, T>> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, T>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

async function writeAll<T>(file: string, docs: Record<string, T>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temp, JSON.stringify(docs, null, 2), { mode: 0o600 });
  await fs.rename(temp, file);
}

export function localFileStore(dataDir: string): StoreFactory {
  const root = path.resolve(dataDir);
  return {
    describe: () => `local files in ${root}`,
    collection<T extends object>(name: string): DocumentStore<T> {
      if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`invalid collection name: ${name}`);
      const file = path.join(root, `${name}.json`);
      return {
        get: (id) => serialised(file, async () => (await readAll<T>(file))[id] ?? null),
        put: (id, doc) =>
          serialised(file, async () => {
            const docs = await readAll<T>(file);
            docs[id] = doc;
            await writeAll(file, docs);
          }),
        findBelow: (field, value, limit) =>
          serialised(file, async () =>
            Object.entries(await readAll<T>(file))
              .filter(([, doc]) => {
                const n = (doc as Record<string, unknown>)[field];
                return typeof n === 'number' && n < value;
              })
              .slice(0, limit)
              .map(([id, doc]) => ({ id, doc })),
          ),
        transact: (id, decide) =>
          serialised(file, async () => {
            const docs = await readAll<T>(file);
            const decision = decide(docs[id] ?? null);
            if (decision.write) {
              docs[id] = decision.write;
              await writeAll(file, docs);
            } else if (decision.remove && id in docs) {
              delete docs[id];
              await writeAll(file, docs);
            }
            return decision.result;
          }),
        delete: (id) =>
          serialised(file, async () => {
            const docs = await readAll<T>(file);
            if (!(id in docs)) return;
            delete docs[id];
            await writeAll(file, docs);
          }),
      };
    },
  };
}
