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
interface CloudDatabase {
  collection(name: string): CloudCollection;
  command: { lt(value: number): unknown };
}

export function cloudDatabaseStore(envName: string): StoreFactory {
  let database: CloudDatabase | null = null;
  const db = (): CloudDatabase => {
    if (!database) database = (loadCloud().database as () => CloudDatabase)();
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
        async delete(id) {
          const existing = await this.get(id);
          if (existing) await db().collection(name).doc(id).remove();
        },
      };
    },
  };
}
