/**
 * An in-memory store for unit tests: the contract of the other stores (documents go in and come
 * out as JSON copies, `transact` is atomic) inside one process, gone when the process ends.
 */
import {
  assertCollectionName,
  assertDocumentId,
  assertStorable,
  entriesBelow,
  jsonCopy,
  type DocumentStore,
  type StoreFactory,
} from './documentStore';

export interface MemoryStore extends StoreFactory {
  /** Every document of a collection by id (copies), for tests to look at what is stored. */
  readAll<T extends object>(name: string): Promise<Record<string, T>>;
}

export function memoryStore(): MemoryStore {
  const collections = new Map<string, Map<string, object>>();
  const docsOf = (name: string) => {
    assertCollectionName(name);
    let docs = collections.get(name);
    if (!docs) collections.set(name, (docs = new Map()));
    return docs;
  };
  const stored = <T>(doc: T): T => {
    assertStorable(doc as object);
    return jsonCopy(doc);
  };

  return {
    describe: () => 'memory',
    async readAll<T extends object>(name: string) {
      return Object.fromEntries(jsonCopy([...docsOf(name)])) as Record<string, T>;
    },
    collection<T extends object>(name: string): DocumentStore<T> {
      const docs = docsOf(name) as Map<string, T>;
      // Every operation starts on a later tick, as with a real store: a write issued while
      // another operation runs (e.g. from inside `decide`) is applied after it, never inside it.
      const later = () => Promise.resolve();
      const read = (id: string): T | null => {
        assertDocumentId(id);
        const doc = docs.get(id);
        return doc ? jsonCopy(doc) : null;
      };
      return {
        get: async (id) => {
          await later();
          return read(id);
        },
        put: async (id, doc) => {
          assertDocumentId(id);
          await later();
          docs.set(id, stored(doc));
        },
        delete: async (id) => {
          assertDocumentId(id);
          await later();
          docs.delete(id);
        },
        findBelow: async (field, value, limit) => {
          await later();
          return entriesBelow(docs, field, value, limit).map(([id, doc]) => ({
            id,
            doc: jsonCopy(doc),
          }));
        },
        // Read, decide and write in one synchronous step: nothing can come in between.
        transact: async (id, decide) => {
          await later();
          const decision = decide(read(id));
          if (decision.write) docs.set(id, stored(decision.write));
          else if (decision.remove) docs.delete(id);
          return decision.result;
        },
      };
    },
  };
}
