/**
 * The WeChat cloud database adapter. Its contract is in storeContract.test.ts; here: what is
 * particular to it, against the stand-in for wx-server-sdk's database (tests/support/
 * wxDatabaseStandIn.ts) — the stored shape, the compare-and-set under conflicts, lost answers,
 * failures — and, with the REAL wx-server-sdk in child processes, that a database out of reach
 * gives a clean failure and leaves no unhandled rejection behind.
 */
import { createServer } from 'net';
import { wxDatabaseStandIn } from '../support/wxDatabaseStandIn';

const mockStandIn = wxDatabaseStandIn();
const mockDatabaseCalls: unknown[] = [];
const mockInitCalls: unknown[] = [];

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: (options: unknown) => mockInitCalls.push(options),
  getWXContext: () => ({}),
  database: (config: { throwOnNotFound?: boolean }) => {
    mockDatabaseCalls.push(config);
    return mockStandIn.database(config);
  },
}));

import { StoreContentionError } from '../../server/store/documentStore';
import {
  CloudDatabaseError,
  cloudDatabaseStore,
  type CloudDatabase,
} from '../../server/store/cloudDatabaseStore';
import { openStore } from '../../server/store/openStore';
import { lastJsonLine, runChild } from '../support/childProcess';

interface Counter {
  n: number;
  note?: string;
}

const standIn = mockStandIn;
const stored = (collection: string, id: string) => standIn.collections.get(collection)?.get(id);
/** A store on the stand-in without pauses between attempts (they only spread real load). */
const storeOnStandIn = (maxAttempts = 12) =>
  cloudDatabaseStore('env-1', {
    database: () => standIn.database({ throwOnNotFound: false }) as CloudDatabase,
    maxAttempts,
    pause: async () => undefined,
  }).collection<Counter>('counters');

beforeEach(() => standIn.reset());

describe('WeChat cloud database store', () => {
  it('is chosen when TCB_ENV is set (in the WeChat cloud), local files otherwise', () => {
    expect(openStore({ TCB_ENV: 'prod-1a2b' }).describe()).toBe(
      'WeChat cloud database (env prod-1a2b)',
    );
    expect(openStore({ LOCAL_DATA_DIR: '/tmp/x' }).describe()).toBe('local files in /tmp/x');
  });

  it('opens wx-server-sdk’s database once, with missing documents read as null', async () => {
    const store = cloudDatabaseStore('env-1').collection<Counter>('a');
    expect(await store.get('x')).toBeNull();
    await store.put('x', { n: 1 });
    expect(await store.get('x')).toEqual({ n: 1 });
    expect(mockInitCalls).toHaveLength(1);
    expect(mockDatabaseCalls).toEqual([{ throwOnNotFound: false }]);
  });

  it('stores the id as _id and a revision that every write replaces, and hides both', async () => {
    const store = storeOnStandIn();
    await store.put('oUser1', { n: 1 });
    const first = { ...stored('counters', 'oUser1')! };
    expect(first).toEqual({ _id: 'oUser1', _rev: expect.any(String), n: 1 });
    await store.transact('oUser1', (current) => ({ result: null, write: { n: current!.n + 1 } }));
    const second = stored('counters', 'oUser1')!;
    expect(second).toEqual({ _id: 'oUser1', _rev: expect.any(String), n: 2 });
    expect(second._rev).not.toBe(first._rev);
    expect(await store.get('oUser1')).toEqual({ n: 2 });
    expect(await store.findBelow('n', 10, 5)).toEqual([{ id: 'oUser1', doc: { n: 2 } }]);
  });

  it('costs one read and one conditional write per uncontended transact, one read when nothing changes', async () => {
    const store = storeOnStandIn();
    await store.transact('c', () => ({ result: null, write: { n: 1 } }));
    expect(standIn.requests).toMatchObject({ get: 1, add: 1 });
    await store.transact('c', (current) => ({ result: null, write: { n: current!.n + 1 } }));
    expect(standIn.requests).toMatchObject({ get: 2, update: 1 });
    await store.transact('c', () => ({ result: null }));
    expect(standIn.totalRequests()).toBe(5);
  });

  it('runs decide again when another writer changed the document after it was read', async () => {
    const store = storeOnStandIn();
    await store.put('c', { n: 0 });
    const seen: number[] = [];
    const result = await store.transact('c', (current) => {
      seen.push(current!.n);
      // Another instance writes between this read and the conditional write.
      if (seen.length === 1) stored('counters', 'c')!._rev = 'someone-else';
      if (seen.length === 1) stored('counters', 'c')!.n = 10;
      return { result: current!.n, write: { n: current!.n + 1 } };
    });
    expect(seen).toEqual([0, 10]);
    expect(result).toBe(10);
    expect(await store.get('c')).toEqual({ n: 11 });
  });

  it('runs decide again when another writer created the document first', async () => {
    const store = storeOnStandIn();
    const seen: (Counter | null)[] = [];
    await store.transact('c', (current) => {
      seen.push(current);
      if (seen.length === 1)
        standIn.collections.get('counters')!.set('c', { _id: 'c', _rev: 'theirs', n: 5 });
      return { result: null, write: { n: (current?.n ?? 0) + 1 } };
    });
    expect(seen).toEqual([null, { n: 5 }]);
    expect(await store.get('c')).toEqual({ n: 6 });
  });

  it('loses no increment from 30 instances at once, re-running decide on conflicts', async () => {
    let decisions = 0;
    const instances = Array.from({ length: 30 }, () => storeOnStandIn(100));
    await Promise.all(
      instances.map((store) =>
        store.transact('c', (current) => {
          decisions += 1;
          return { result: null, write: { n: (current?.n ?? 0) + 1 } };
        }),
      ),
    );
    expect(await instances[0].get('c')).toEqual({ n: 30 });
    expect(decisions).toBeGreaterThan(30);
  });

  it('gives up with StoreContentionError when other writers win every time', async () => {
    const store = storeOnStandIn(3);
    await store.put('c', { n: 0 });
    let decisions = 0;
    await expect(
      store.transact('c', () => {
        decisions += 1;
        stored('counters', 'c')!._rev = `other-${decisions}`;
        return { result: null, write: { n: 1 } };
      }),
    ).rejects.toBeInstanceOf(StoreContentionError);
    expect(decisions).toBe(3);
    expect(await store.get('c')).toEqual({ n: 0 });
  });

  it('updates a document written without a revision (by the console or an older version)', async () => {
    standIn.collections.set('counters', new Map([['old', { _id: 'old', n: 7, note: 'x' }]]));
    const store = storeOnStandIn();
    await store.transact('old', (current) => ({ result: null, write: { n: current!.n + 1 } }));
    expect(stored('counters', 'old')).toEqual({ _id: 'old', _rev: expect.any(String), n: 8 });
  });

  it('settles a write whose answer was lost by reading it back: decide runs once', async () => {
    const store = storeOnStandIn();
    await store.put('c', { n: 1 });
    for (const operation of ['update', 'add', 'remove'] as const)
      standIn.injectFault(operation, 'lost');
    let decisions = 0;
    const increment = (current: Counter | null) => {
      decisions += 1;
      return { result: 'ok', write: { n: (current?.n ?? 0) + 1 } };
    };
    expect(await store.transact('c', increment)).toBe('ok');
    expect(await store.transact('new', increment)).toBe('ok');
    expect(decisions).toBe(2);
    expect(await store.get('c')).toEqual({ n: 2 });
    expect(await store.get('new')).toEqual({ n: 1 });
    expect(await store.transact('c', () => ({ result: 'gone', remove: true }))).toBe('gone');
    expect(await store.get('c')).toBeNull();
  });

  it('reports a write that failed without landing as a CloudDatabaseError', async () => {
    const store = storeOnStandIn();
    await store.put('c', { n: 1 });
    standIn.injectFault('update', 'fail');
    await expect(
      store.transact('c', () => ({ result: null, write: { n: 2 } })),
    ).rejects.toBeInstanceOf(CloudDatabaseError);
    expect(await store.get('c')).toEqual({ n: 1 });
  });

  it('answers every operation with a CloudDatabaseError when the database is unreachable', async () => {
    const store = storeOnStandIn();
    standIn.setUnreachable(true);
    for (const operation of [
      store.get('c'),
      store.put('c', { n: 1 }),
      store.delete('c'),
      store.findBelow('n', 1, 1),
      store.transact('c', () => ({ result: null, write: { n: 1 } })),
    ])
      await expect(operation).rejects.toThrow(
        /^cloud database: \w+ on counters failed: .*ECONNREFUSED/,
      );
  });
});

describe('the real wx-server-sdk with the database out of reach (child processes)', () => {
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    // A port that nothing listens on: take one, then close it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TCB_ENV: 'offline-env',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
      WX_OPENID: 'oOfflineUser00000000000001',
      WX_APPID: 'wxTestMiniProgram0001',
      ESS_SECRET_ID: 'AKIDoffline',
      ESS_SECRET_KEY: 'offline-key',
      ESS_OPERATOR_ID: 'yDoffline',
      ESS_ENDPOINT: `http://127.0.0.1:${port}`,
    };
  });

  it('reproduces the SDK’s stray rejection: used directly, it ends the process', async () => {
    const child = await runChild('cloudDatabaseOffline.ts', ['sdk'], env);
    expect(child.code).not.toBe(0);
    expect(child.stderr).toContain('missing secretId or secretKey of tencent cloud');
    expect(child.stdout).toBe('');
  });

  it('through the adapter, every operation fails cleanly and the process lives on', async () => {
    const child = await runChild('cloudDatabaseOffline.ts', ['adapter'], env);
    expect(child.code).toBe(0);
    const { results } = lastJsonLine<{ results: { rejected?: string }[] }>(child.stdout);
    expect(results).toHaveLength(5);
    for (const result of results)
      expect(result.rejected).toMatch(
        /^CloudDatabaseError: cloud database: \w+ on records failed: .*ECONNREFUSED/,
      );
    expect(child.stderr).not.toMatch(/Unhandled|missing secretId/);
  });

  it('any other unhandled rejection still ends the process, as Node does by default', async () => {
    const child = await runChild('cloudDatabaseOffline.ts', ['other'], env);
    expect(child.code).not.toBe(0);
    expect(child.stderr).toContain('an unrelated rejection');
    expect(child.stdout).toBe('');
  });

  it('a cloud function answers its usual failure, and the process lives on', async () => {
    const child = await runChild('cloudDatabaseOffline.ts', ['function'], env);
    expect(child.code).toBe(0);
    const { results } = lastJsonLine<{ results: { resolved?: unknown }[] }>(child.stdout);
    expect(results).toEqual([
      { resolved: expect.objectContaining({ ok: false, code: 'INTERNAL' }) },
    ]);
    // INTERNAL because the database (wx-server-sdk.db.js, loaded from the copied folder) was out
    // of reach — not because the database client could not be loaded.
    const output = child.stdout + child.stderr;
    expect(output).toMatch(/CloudDatabaseError: cloud database: get on \w+ failed: .*ECONNREFUSED/);
    expect(output).not.toMatch(/Cannot find module/);
  });
});
