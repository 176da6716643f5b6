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
}

export interface StoreFactory {
  collection<T extends object>(name: string): DocumentStore<T>;
  /** Where the documents live, for the log (`cloud database env-x` / a directory). */
  describe(): string;
}
