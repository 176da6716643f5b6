/**
 * Child process for tests/server/wxDatabaseClient.test.ts: the store adapter (cloudDatabaseStore)
 * on a given build of wx-server-sdk — argv[2] is what to require: `wx-server-sdk` (the installed
 * package) or the path of a deploy folder's `wx-server-sdk.db.js` — opened the way
 * server/wxCloud.ts opens it. Its requests go to the test's recorder through `TCB_CONTEXT_CNFG`.
 * Runs every store operation once, in order, and prints one JSON line with what each answered and
 * every use of a package left out of the built client (scripts/wxDatabaseClient.ts).
 */
import { LEFT_OUT_TOUCHES } from '../../../scripts/wxDatabaseClient';
import { cloudDatabaseStore, type CloudDatabase } from '../../../server/store/cloudDatabaseStore';

interface Sdk {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  database(options: object): CloudDatabase;
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ resolved: value ?? null }),
    (error: Error) => ({ rejected: `${error.name}: ${error.message}` }),
  );

async function run() {
  const sdk = require(process.argv[2]) as Sdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const db = sdk.database({ throwOnNotFound: false });
  const store = cloudDatabaseStore('recorded-env', { database: () => db, pause: async () => {} });
  const records = store.collection<Record<string, unknown>>('records');
  const results = [
    await outcome(records.get('oKnown')),
    await outcome(records.get('oMissing')),
    await outcome(records.put('oKnown', { n: 2, at: 1764633600000, tags: ['a', 'b'] })),
    await outcome(records.delete('oKnown')),
    await outcome(records.findBelow('expiresAt', 1764633600000, 50)),
    // An existing document changed (fields set, one dropped), a new one created, one removed.
    await outcome(records.transact('oKnown', () => ({ result: 'changed', write: { n: 3 } }))),
    await outcome(records.transact('oMissing', () => ({ result: 'created', write: { n: 1 } }))),
    await outcome(records.transact('oKnown', () => ({ result: 'removed', remove: true }))),
    // The database refuses: its error reaches the caller as the adapter's failure.
    await outcome(store.collection('refused').get('oKnown')),
  ];
  const touches = (globalThis as Record<symbol, unknown>)[Symbol.for(LEFT_OUT_TOUCHES)] ?? [];
  process.stdout.write(`${JSON.stringify({ results, touches })}\n`);
  process.exit(0);
}

void run();
