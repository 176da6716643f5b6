/**
 * The WeChat cloud database (云开发数据库) through wx-server-sdk. Each collection must exist
 * (create it in the console; see README) with the permission "仅管理端可读写": only cloud
 * functions touch it. Documents are stored with their id as `_id` and a revision `_rev` (a random
 * token each write of this adapter replaces); both are hidden from callers.
 *
 * `transact` is an optimistic compare-and-set on `_rev`, not `db.runTransaction`:
 * - it reads the document, runs `decide`, and writes only if `_rev` is still the one it read —
 *   creating with `collection.add({ data: { _id, … } })` (refused when the id exists), changing
 *   with `where({ _id, _rev }).update(…)` and removing with `where({ _id, _rev }).remove()`, where
 *   `stats.updated` / `stats.removed` of 0 means another writer got in first: `decide` then runs
 *   again on the newer document, after a short jittered pause (at most `maxAttempts` times, then
 *   `StoreContentionError`);
 * - `update` merges (nested objects field by field) while a decision replaces the document, so
 *   every top-level field is written with `command.set(value)` (replaced whole) and the fields
 *   the decision dropped are deleted with `command.remove()`;
 * - a write whose answer is lost (time-out, dropped connection) is settled by reading back:
 *   `_rev` equal to the token just written means it landed; another writer's change means
 *   `decide` runs again; anything else is reported as the failure it is.
 * Why not transactions: wx-server-sdk 4.0.2 rewrites an error of an operation inside a
 * transaction to errCode -501001, dropping the `DATABASE_TRANSACTION_CONFLICT` code its own
 * `runTransaction` retries on, so only conflicts found at commit would be retried; a transaction
 * costs four requests (start, get, set, commit) where the compare-and-set costs two (read, write);
 * and it locks the document, so concurrent transactions fail at once, and an instance that dies
 * mid-transaction leaves the lock until the transaction times out.
 *
 * Every failure of the database reaches the caller as a `CloudDatabaseError` (the function then
 * answers its usual failure), and the SDK's stray credential rejection is absorbed
 * (`sdkCredentialRejection.ts`), so nothing escapes as an unhandled rejection.
 */
import { randomBytes } from 'crypto';
import {
  StoreContentionError,
  assertCollectionName,
  assertDocumentId,
  assertStorable,
  type Decision,
  type DocumentStore,
  type StoreFactory,
} from './documentStore';
import { absorbSdkCredentialRejections } from './sdkCredentialRejection';
import { loadCloud } from '../wxCloud';

/** The part of wx-server-sdk's database API used here. */
interface CloudQuery {
  limit(n: number): CloudQuery;
  get(): Promise<{ data: unknown[] }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
interface CloudCollection {
  doc(id: string): {
    get(): Promise<{ data: unknown }>;
    set(options: { data: object }): Promise<unknown>;
    remove(): Promise<unknown>;
  };
  where(query: object): CloudQuery;
  add(options: { data: object }): Promise<unknown>;
}
interface CloudCommand {
  lt(value: number): unknown;
  exists(value: boolean): unknown;
  set(value: unknown): unknown;
  remove(): unknown;
}
export interface CloudDatabase {
  collection(name: string): CloudCollection;
  command: CloudCommand;
}

export interface CloudDatabaseStoreOptions {
  /** The database; default wx-server-sdk's, opened on first use with `throwOnNotFound: false`. */
  database?: () => CloudDatabase;
  /** Read-decide-write attempts per `transact` before `StoreContentionError` (default 12). */
  maxAttempts?: number;
  /** Pause before attempt `n` (2, 3, …) after a conflict; default jittered, growing to 1 s. */
  pause?: (attempt: number) => Promise<void>;
}

/** A database request failed; the message names the operation and the SDK's error. */
export class CloudDatabaseError extends Error {
  constructor(operation: string, collection: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`cloud database: ${operation} on ${collection} failed: ${detail.slice(0, 300)}`);
    this.name = 'CloudDatabaseError';
  }
}

interface StoredFields {
  _id?: string;
  _rev?: string;
}
type Stored = Record<string, unknown> & StoredFields;

const newRevision = () => randomBytes(9).toString('base64url');

function withoutStoreFields<T>(stored: Stored): T {
  const { _id: _ignoredId, _rev: _ignoredRev, ...doc } = stored;
  return doc as T;
}

/** Exponential back-off with full jitter: up to 40 ms before the 2nd attempt, at most 1 s. */
const defaultPause = (attempt: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(1000, 10 * 2 ** attempt)),
  );

function sdkDatabase(): CloudDatabase {
  absorbSdkCredentialRejections();
  // throwOnNotFound: false — a missing document reads as `data: null` instead of rejecting.
  return (loadCloud().database as (options: object) => CloudDatabase)({ throwOnNotFound: false });
}

export function cloudDatabaseStore(
  envName: string,
  {
    database = sdkDatabase,
    maxAttempts = 12,
    pause = defaultPause,
  }: CloudDatabaseStoreOptions = {},
): StoreFactory {
  let opened: CloudDatabase | null = null;
  const db = (): CloudDatabase => {
    opened ??= database();
    return opened;
  };

  return {
    describe: () => `WeChat cloud database (env ${envName})`,
    collection<T extends object>(name: string): DocumentStore<T> {
      assertCollectionName(name);
      /** Runs one database request; any failure becomes a `CloudDatabaseError`. */
      const request = async <V>(operation: string, run: (c: CloudCollection) => Promise<V>) => {
        try {
          return await run(db().collection(name));
        } catch (error) {
          throw error instanceof CloudDatabaseError
            ? error
            : new CloudDatabaseError(operation, name, error);
        }
      };
      const readStored = (id: string) =>
        request('get', async (c) => ((await c.doc(id).get()).data as Stored | null) ?? null);

      /** The update that turns `current` into exactly `next` (see the module comment). */
      const replacement = (current: Stored, next: object, rev: string): object => {
        const _ = db().command;
        const data: Record<string, unknown> = { _rev: rev };
        for (const [key, value] of Object.entries(next))
          if (value !== undefined) data[key] = _.set(value);
        for (const key of Object.keys(withoutStoreFields<object>(current)))
          if (!(key in data)) data[key] = _.remove();
        return data;
      };

      /**
       * Writes `decision` if the document is still `current`: 'done', or 'conflict' when another
       * writer changed it first.
       */
      const writeIfUnchanged = async (
        id: string,
        current: Stored | null,
        decision: Decision<T, unknown>,
      ): Promise<'done' | 'conflict'> => {
        const rev = newRevision();
        const sameRevision = { _id: id, _rev: current?._rev ?? db().command.exists(false) };
        try {
          if (decision.write && !current) {
            await request('add', (c) => c.add({ data: { ...decision.write, _id: id, _rev: rev } }));
            return 'done';
          }
          if (decision.write && current) {
            const data = replacement(current, decision.write, rev);
            const { stats } = await request('update', (c) =>
              c.where(sameRevision).update({ data }),
            );
            return stats.updated === 1 ? 'done' : 'conflict';
          }
          if (!current) return 'done';
          const { stats } = await request('remove', (c) => c.where(sameRevision).remove());
          return stats.removed === 1 ? 'done' : 'conflict';
        } catch (error) {
          // The answer may be lost while the write landed, or another writer may have got in
          // first (`add` of an id that now exists): the document says which.
          const now = await readStored(id).catch(() => {
            throw error;
          });
          if (decision.write ? now?._rev === rev : now === null) return 'done';
          if (now?._rev !== current?._rev || (now === null) !== (current === null))
            return 'conflict';
          throw error;
        }
      };

      return {
        async get(id) {
          assertDocumentId(id);
          const stored = await readStored(id);
          return stored ? withoutStoreFields<T>(stored) : null;
        },
        async put(id, doc) {
          assertDocumentId(id);
          assertStorable(doc);
          // `set` replaces the whole document (and creates it); `data` must not carry `_id`.
          await request('set', (c) => c.doc(id).set({ data: { ...doc, _rev: newRevision() } }));
        },
        async delete(id) {
          assertDocumentId(id);
          await request('remove', (c) => c.doc(id).remove());
        },
        async findBelow(field, value, limit) {
          const found = await request('findBelow', (c) =>
            c
              .where({ [field]: db().command.lt(value) })
              .limit(limit)
              .get(),
          );
          return (found.data as Stored[]).map((stored) => ({
            id: stored._id as string,
            doc: withoutStoreFields<T>(stored),
          }));
        },
        async transact(id, decide) {
          assertDocumentId(id);
          for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
            if (attempt > 1) await pause(attempt);
            const current = await readStored(id);
            const decision = decide(current ? withoutStoreFields<T>(current) : null);
            if (decision.write) assertStorable(decision.write);
            if (!decision.write && !decision.remove) return decision.result;
            if ((await writeIfUnchanged(id, current, decision)) === 'done') return decision.result;
          }
          throw new StoreContentionError(name, maxAttempts);
        },
      };
    },
  };
}
