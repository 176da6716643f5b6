/**
 * The WeChat cloud database adapter, against a stand-in for wx-server-sdk's database API (the
 * WeChat runtime cannot run here). The stand-in keeps the SDK's rules that matter: `set` must not
 * carry `_id` in `data`, documents come back with their `_id`, `doc(id).get()` rejects when the
 * document does not exist.
 */
type Doc = Record<string, unknown> & { _id: string };

const mockCollections = new Map<string, Map<string, Doc>>();
const mockInitCalls: unknown[] = [];

jest.mock('wx-server-sdk', () => {
  const collectionOf = (name: string) => {
    if (!mockCollections.has(name)) mockCollections.set(name, new Map());
    return mockCollections.get(name)!;
  };
  return {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: (options: unknown) => mockInitCalls.push(options),
    getWXContext: () => ({}),
    database: () => ({
      collection: (name: string) => ({
        doc: (id: string) => ({
          get: async () => {
            const doc = collectionOf(name).get(id);
            if (!doc) throw new Error(`document.get:fail document with _id ${id} does not exist`);
            return { data: doc };
          },
          set: async ({ data }: { data: Record<string, unknown> }) => {
            if ('_id' in data)
              throw new Error('document.set:fail -501007 invalid parameters. 不能更新_id的值');
            collectionOf(name).set(id, { ...JSON.parse(JSON.stringify(data)), _id: id });
            return { stats: { updated: 1 } };
          },
          remove: async () => {
            collectionOf(name).delete(id);
            return { stats: { removed: 1 } };
          },
        }),
        where: (query: { _id: string }) => ({
          limit: () => ({
            get: async () => ({
              data: [...collectionOf(name).values()].filter((doc) => doc._id === query._id),
            }),
          }),
        }),
      }),
    }),
  };
});

import { cloudDatabaseStore } from '../../server/store/cloudDatabaseStore';
import { openStore } from '../../server/store/openStore';

describe('WeChat cloud database store', () => {
  beforeEach(() => mockCollections.clear());

  it('is chosen when TCB_ENV is set (in the WeChat cloud), local files otherwise', () => {
    expect(openStore({ TCB_ENV: 'prod-1a2b' }).describe()).toBe(
      'WeChat cloud database (env prod-1a2b)',
    );
    expect(openStore({ LOCAL_DATA_DIR: '/tmp/x' }).describe()).toBe('local files in /tmp/x');
  });

  it('puts, gets (without _id), replaces and deletes documents by id', async () => {
    const store = cloudDatabaseStore('env-1').collection<{ status: string; n?: number }>('records');
    expect(await store.get('oUser1')).toBeNull();

    await store.put('oUser1', { status: 'pending', n: 1 });
    expect(await store.get('oUser1')).toEqual({ status: 'pending', n: 1 });
    expect(mockCollections.get('records')!.get('oUser1')).toEqual({
      _id: 'oUser1',
      status: 'pending',
      n: 1,
    });

    await store.put('oUser1', { status: 'verified' });
    expect(await store.get('oUser1')).toEqual({ status: 'verified' });

    await store.delete('oUser1');
    expect(await store.get('oUser1')).toBeNull();
    await expect(store.delete('oUser1')).resolves.toBeUndefined();
  });

  it('initialises the SDK once, for the current environment', async () => {
    const store = cloudDatabaseStore('env-1').collection('a');
    await store.get('x');
    await store.get('y');
    expect(mockInitCalls).toHaveLength(1);
  });
});
