/**
 * The WeChat cloud database (云开发数据库) through wx-server-sdk. The collection must exist
 * (create it in the console; see README) and its permission should be "仅管理端可读写":
 * only cloud functions touch it.
 */
import type { DocumentStore, StoreFactory } from './documentStore';
import { loadCloud } from '../wxCloud';

interface CloudDocRef {
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<unknown>;
  remove(): Promise<unknown>;
}
interface CloudCollection {
  doc(id: string): CloudDocRef;
  where(query: object): { limit(n: number): { get(): Promise<{ data: unknown[] }> } };
}
/** The part of wx-server-sdk's transaction API used here (its type definitions lack it). */
interface CloudTransaction {
  collection(name: string): { doc(id: string): CloudDocRef };
}
interface CloudDatabase {
  collection(name: string): CloudCollection;
  command: { lt(value: number): unknown };
  runTransaction<R>(run: (transaction: CloudTransaction) => Promise<R>, times?: number): Promise<R>;
}

function stripId(data: unknown): object {
  const { _id: _ignored, ...doc } = data as { _id?: string };
  return doc;
}

export function cloudDatabaseStore(envName: string): StoreFactory {
  let database: CloudDatabase | null = null;
  const db = (): CloudDatabase => {
    // throwOnNotFound: false — a missing document reads as empty, also inside a transaction.
    if (!database)
      database = (loadCloud().database as (options: object) => CloudDatabase)({
        throwOnNotFound: false,
      });
    return database;
  };
  return {
    describe: () => `WeChat cloud database (env ${envName})`,
    collection<T extends object>(name: string): DocumentStore<T> {
      return {
        async get(id) {
          // `doc(id).get()` rejects when the document does not exist; a query answers [] instead.
          const { data } = await db().collection(name).where({ _id: id }).limit(1).get();
          if (!data.length) return null;
          const { _id: _ignored, ...doc } = data[0] as T & { _id?: string };
          return doc as T;
        },
        async put(id, doc) {
          await db().collection(name).doc(id).set({ data: doc });
        },
        async findBelow(field, value, limit) {
          const database = db();
          const { data } = await database
            .collection(name)
            .where({ [field]: database.command.lt(value) })
            .limit(limit)
            .get();
          return (data as (T & { _id: string })[]).map(({ _id, ...doc }) => ({
            id: _id,
            doc: doc as unknown as T,
          }));
        },
        async transact(id, decide) {
          // WeChat's transactions: snapshot isolation; a write conflict makes runTransaction run
          // the callback again (here up to 10 times) on the newer document.
          return db().runTransaction(async (transaction) => {
            const ref = transaction.collection(name).doc(id);
            const { data } = await ref.get();
            const current = data ? (stripId(data) as T) : null;
            const decision = decide(current);
            if (decision.write) await ref.set({ data: decision.write });
            else if (decision.remove && current) await ref.remove();
            return decision.result;
          }, 10);
        },
        async delete(id) {
          const existing = await this.get(id);
          if (existing) await db().collection(name).doc(id).remove();
        },
      };
    },
  };
}
