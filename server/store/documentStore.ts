/**
 * A minimal document store: one JSON document per key in a named collection. Two
 * implementations: the WeChat cloud database (in the WeChat cloud) and a local file store
 * (tests, demos, local development). Domain code only sees this interface.
 */
export interface DocumentStore<T extends object> {
  get(id: string): Promise<T | null>;
  /** Creates or replaces the document. */
  put(id: string, doc: T): Promise<void>;
  delete(id: string): Promise<void>;
  /** Up to `limit` documents whose numeric `field` is below `value` (for clean-up jobs). */
  findBelow(field: string, value: number, limit: number): Promise<{ id: string; doc: T }[]>;
  /**
   * Reads the document and applies what `decide` returns, atomically: no other write to that
   * document lands between the read and the write, whichever process or function instance makes
   * it (a compare-and-set). `decide` may run more than once — when another writer got in first it
   * runs again on the newer document — so it must have no side effects. Answers its `result`.
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
