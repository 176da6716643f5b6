/**
 * A minimal document store: one JSON document per key in a named collection. Three
 * implementations: the WeChat cloud database (in the WeChat cloud), a local file store (local
 * development, the demo, the local gateway and the benchmarks, several processes at once) and an
 * in-memory store (unit tests). Domain code only sees this interface; tests/support/storeContract.ts
 * holds the contract every implementation passes.
 *
 * Documents are JSON values: a non-empty plain object whose fields are numbers, strings, booleans,
 * null, arrays and objects (a field set to `undefined` is dropped, as in JSON). Top-level field
 * names starting with `_` are reserved for the stores (the cloud database keeps `_id` and a
 * revision there) and rejected.
 */
export interface DocumentStore<T extends object> {
  get(id: string): Promise<T | null>;
  /** Creates or replaces the document. */
  put(id: string, doc: T): Promise<void>;
  /** Removes the document; nothing happens when there is none. */
  delete(id: string): Promise<void>;
  /** Up to `limit` documents whose numeric `field` is below `value` (for clean-up jobs). */
  findBelow(field: string, value: number, limit: number): Promise<{ id: string; doc: T }[]>;
  /**
   * Reads the document and applies what `decide` returns, atomically: no other write to that
   * document lands between the read and the write, whichever process or function instance makes
   * it (a compare-and-set). `decide` may run more than once — when another writer got in first it
   * runs again on the newer document — so it must have no side effects. Answers its `result`.
   * Rejects with `StoreContentionError` when other writers kept winning for too long.
   */
  transact<R>(id: string, decide: (current: T | null) => Decision<T, R>): Promise<R>;
}

/** What `transact` does with the document: `write` it, `remove` it, or (neither) leave it. */
export type Decision<T, R> =
  | { result: R; write: T; remove?: never }
  | { result: R; remove: true; write?: never }
  | { result: R; write?: never; remove?: never };

export interface StoreFactory {
  collection<T extends object>(name: string): DocumentStore<T>;
  /** Where the documents live, for the log (`cloud database env-x` / a directory). */
  describe(): string;
}

/** `transact` gave up: other writers changed the document every time it tried. */
export class StoreContentionError extends Error {
  constructor(collection: string, attempts: number) {
    super(`store: gave up on a document of ${collection} after ${attempts} conflicting attempts`);
    this.name = 'StoreContentionError';
  }
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/;

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name)) throw new Error(`store: invalid collection name: ${name}`);
}

export function assertDocumentId(id: string): void {
  if (typeof id !== 'string' || id.length === 0)
    throw new Error('store: a document id must be a non-empty string');
}

/** Throws for what no store can hold the same way (see the module comment). */
export function assertStorable(doc: object): void {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new Error('store: a document must be a plain object');
  const keys = Object.keys(doc).filter(
    (key) => (doc as Record<string, unknown>)[key] !== undefined,
  );
  if (keys.length === 0) throw new Error('store: a document needs at least one field');
  const reserved = keys.find((key) => key.startsWith('_'));
  if (reserved) throw new Error(`store: field names starting with "_" are reserved (${reserved})`);
}

/** A deep copy as JSON would store it (drops `undefined` fields, copies nested values). */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * `findBelow` for stores that hold their documents as entries: those whose numeric `field` is
 * below `value`, at most `limit`, in stored order.
 */
export function entriesBelow<T>(
  entries: Iterable<[string, T]>,
  field: string,
  value: number,
  limit: number,
): [string, T][] {
  return [...entries]
    .filter(([, doc]) => {
      const n = (doc as Record<string, unknown>)[field];
      return typeof n === 'number' && n < value;
    })
    .slice(0, limit);
}
