/**
 * The contract every `StoreFactory` implementation passes (server/store/documentStore.ts):
 * `describeStoreContract(name, open)` defines the jest tests; `open` gives a fresh, empty store
 * for each test (and may clean up in `close`).
 */
import type { DocumentStore, StoreFactory } from '../../server/store/documentStore';

export interface OpenedStore {
  store: StoreFactory;
  /** Every document of a collection, when the store offers it (local files, memory). */
  readAll?: (collection: string) => Promise<Record<string, unknown>>;
  close?: () => Promise<void>;
}

interface Counter {
  n: number;
  note?: string;
}

/** A document using every kind of JSON value. */
const RICH = {
  name: '张三',
  masked: '*三 👋 “引号” \\ / \n',
  empty: '',
  zero: 0,
  negative: -12.5,
  big: 2 ** 52 + 1,
  tiny: 1e-9,
  yes: true,
  no: false,
  nothing: null,
  list: [1, 'two', { three: 3 }, [4], null],
  emptyList: [],
  nested: { a: { b: { c: 'deep' } }, emptyObject: {} },
};

export function describeStoreContract(
  name: string,
  open: () => Promise<OpenedStore>,
  {
    lists = false,
  }: { /** The store offers `readAll` (local files, memory). */ lists?: boolean } = {},
): void {
  describe(`store contract: ${name}`, () => {
    let opened: OpenedStore;
    let counters: DocumentStore<Counter>;
    beforeEach(async () => {
      opened = await open();
      counters = opened.store.collection<Counter>('counters');
    });
    afterEach(async () => {
      await opened.close?.();
    });

    describe('get / put / delete', () => {
      it('answers null for a missing document, then what was put', async () => {
        const docs = opened.store.collection<typeof RICH>('rich');
        expect(await docs.get('oUser1')).toBeNull();
        await docs.put('oUser1', RICH);
        expect(await docs.get('oUser1')).toEqual(RICH);
      });

      it('round-trips every kind of JSON value and drops undefined fields', async () => {
        const docs = opened.store.collection<Record<string, unknown>>('rich');
        await docs.put('a', { ...RICH, gone: undefined, inner: { kept: 1, gone: undefined } });
        const back = await docs.get('a');
        expect(back).toEqual({ ...RICH, inner: { kept: 1 } });
        expect(Object.keys(back!)).not.toContain('gone');
        expect(back!.big).toBe(2 ** 52 + 1);
      });

      it('replaces the whole document on put, nested fields too', async () => {
        const docs = opened.store.collection<Record<string, unknown>>('docs');
        await docs.put('x', { keep: 1, drop: 2, nested: { a: 1, b: 2 } });
        await docs.put('x', { keep: 3, nested: { a: 4 } });
        expect(await docs.get('x')).toEqual({ keep: 3, nested: { a: 4 } });
      });

      it('stores copies: changing an object after put, or one read back, changes nothing stored', async () => {
        const docs = opened.store.collection<{ list: number[]; nested: { n: number } }>('docs');
        const doc = { list: [1], nested: { n: 1 } };
        await docs.put('x', doc);
        doc.list.push(2);
        doc.nested.n = 2;
        const read = (await docs.get('x'))!;
        read.list.push(3);
        read.nested.n = 3;
        expect(await docs.get('x')).toEqual({ list: [1], nested: { n: 1 } });
      });

      it('deletes, and deleting a missing document is fine', async () => {
        await counters.put('a', { n: 1 });
        await counters.put('b', { n: 2 });
        await counters.delete('a');
        expect(await counters.get('a')).toBeNull();
        expect(await counters.get('b')).toEqual({ n: 2 });
        await expect(counters.delete('a')).resolves.toBeUndefined();
        await expect(counters.delete('never')).resolves.toBeUndefined();
      });

      it('takes any id as a plain key', async () => {
        const ids = ['__proto__', 'constructor', 'toString', 'a.b', 'oAbC-_9', '身份 1'];
        for (const [n, id] of ids.entries()) await counters.put(id, { n });
        for (const [n, id] of ids.entries()) expect(await counters.get(id)).toEqual({ n });
        expect(await counters.get('hasOwnProperty')).toBeNull();
      });

      it('keeps collections apart', async () => {
        const other = opened.store.collection<Counter>('other_counters');
        await counters.put('same', { n: 1 });
        await other.put('same', { n: 2 });
        expect(await counters.get('same')).toEqual({ n: 1 });
        expect(await other.get('same')).toEqual({ n: 2 });
        await other.delete('same');
        expect(await counters.get('same')).toEqual({ n: 1 });
        await counters.transact('same', () => ({ result: null, remove: true }));
        expect(await other.get('same')).toBeNull();
        await other.put('only-there', { n: 3 });
        expect(await counters.get('only-there')).toBeNull();
      });

      it('refuses what not every store can hold: empty documents, reserved field names', async () => {
        await expect(counters.put('x', {} as Counter)).rejects.toThrow(/at least one field/);
        await expect(counters.put('x', { n: 1, _id: 'y' } as Counter)).rejects.toThrow(/reserved/);
        await expect(counters.put('x', { n: 1, _rev: 'y' } as Counter)).rejects.toThrow(/reserved/);
        await expect(counters.put('', { n: 1 })).rejects.toThrow(/id/);
        expect(() => opened.store.collection('bad name/..')).toThrow(/collection name/);
        expect(await counters.get('x')).toBeNull();
      });
    });

    describe('findBelow', () => {
      it('finds documents whose numeric field is below the value, up to the limit', async () => {
        const docs = opened.store.collection<Record<string, unknown>>('expiring');
        await docs.put('old1', { expiresAt: 100, name: 'a' });
        await docs.put('old2', { expiresAt: 199 });
        await docs.put('edge', { expiresAt: 200 });
        await docs.put('new', { expiresAt: 300 });
        await docs.put('text', { expiresAt: '50' });
        await docs.put('none', { other: 1 });

        const found = await docs.findBelow('expiresAt', 200, 10);
        expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
          { id: 'old1', doc: { expiresAt: 100, name: 'a' } },
          { id: 'old2', doc: { expiresAt: 199 } },
        ]);
        const limited = await docs.findBelow('expiresAt', 1000, 2);
        expect(limited).toHaveLength(2);
        for (const { id, doc } of limited) expect(await docs.get(id)).toEqual(doc);
        expect(await docs.findBelow('expiresAt', 100, 10)).toEqual([]);
      });
    });

    describe('transact', () => {
      it('creates a missing document, with decide seeing null', async () => {
        const seen: (Counter | null)[] = [];
        const result = await counters.transact('c', (current) => {
          seen.push(current);
          return { result: 'created', write: { n: 1 } };
        });
        expect(result).toBe('created');
        expect(seen).toEqual([null]);
        expect(await counters.get('c')).toEqual({ n: 1 });
      });

      it('changes the current document and answers decide’s result', async () => {
        await counters.put('c', { n: 41, note: 'x' });
        const result = await counters.transact('c', (current) => ({
          result: { before: current!.n },
          write: { n: current!.n + 1 },
        }));
        expect(result).toEqual({ before: 41 });
        // The write replaces the document: `note` is gone.
        expect(await counters.get('c')).toEqual({ n: 42 });
      });

      it('replaces nested values whole, and drops fields the decision left out', async () => {
        const docs = opened.store.collection<Record<string, unknown>>('docs');
        await docs.put('x', { a: { b: 1, c: 2 }, list: [1, 2, 3], gone: 'yes', nested: { x: {} } });
        await docs.transact('x', () => ({
          result: null,
          write: { a: { b: 5 }, list: [9], nested: { y: 1 }, added: { z: [] } },
        }));
        expect(await docs.get('x')).toEqual({
          a: { b: 5 },
          list: [9],
          nested: { y: 1 },
          added: { z: [] },
        });
      });

      it('removes, or leaves the document as it is', async () => {
        await counters.put('c', { n: 1 });
        expect(await counters.transact('c', () => ({ result: 'kept' }))).toBe('kept');
        expect(await counters.get('c')).toEqual({ n: 1 });
        expect(await counters.transact('c', () => ({ result: 'gone', remove: true }))).toBe('gone');
        expect(await counters.get('c')).toBeNull();
        expect(await counters.transact('c', () => ({ result: 'nothing', remove: true }))).toBe(
          'nothing',
        );
        expect(await counters.get('c')).toBeNull();
      });

      it('gives decide a copy: changing it without writing stores nothing', async () => {
        await counters.put('c', { n: 1 });
        await counters.transact('c', (current) => {
          current!.n = 99;
          return { result: null };
        });
        expect(await counters.get('c')).toEqual({ n: 1 });
      });

      it('refuses an unstorable write and leaves the document unchanged', async () => {
        await counters.put('c', { n: 1 });
        await expect(
          counters.transact('c', () => ({ result: null, write: {} as Counter })),
        ).rejects.toThrow(/at least one field/);
        expect(await counters.get('c')).toEqual({ n: 1 });
      });

      it('loses no increment when many run at once', async () => {
        const runs = 25;
        await Promise.all(
          Array.from({ length: runs }, () =>
            counters.transact('c', (current) => ({
              result: null,
              write: { n: (current?.n ?? 0) + 1 },
            })),
          ),
        );
        expect(await counters.get('c')).toEqual({ n: runs });
      });

      it('never loses a write that lands between its read and its write (decide runs again or the write comes after)', async () => {
        await counters.put('c', { n: 0 });
        const seen: number[] = [];
        let competing: Promise<void> | undefined;
        await counters.transact('c', (current) => {
          seen.push(current!.n);
          // Another writer, started while transact holds what it read (a test-only side effect).
          competing ??= counters.put('c', { n: 100 });
          return { result: null, write: { n: current!.n + 1 } };
        });
        await competing;
        const last = seen[seen.length - 1];
        // Either order is a correct one: put then transact (decide saw 100 → 101), or transact
        // then put (100). Transact writing 1 over the put would be a lost update.
        expect((await counters.get('c'))!.n).toBe(last === 100 ? 101 : 100);
        expect(seen[0]).toBe(0);
      });
    });

    if (lists)
      it('lists a collection (readAll)', async () => {
        const readAll = opened.readAll!;
        expect(await readAll('counters')).toEqual({});
        await counters.put('a', { n: 1 });
        await counters.put('__proto__', { n: 2 });
        const all = await readAll('counters');
        expect(Object.keys(all).sort()).toEqual(['__proto__', 'a']);
        expect(all.a).toEqual({ n: 1 });
      });
  });
}
