/**
 * Child process for tests/server/cloudDatabaseStore.test.ts: the REAL wx-server-sdk with the
 * cloud database out of reach (its requests are sent to a closed port on 127.0.0.1 through
 * `TCB_CONTEXT_CNFG`, and no Tencent Cloud key is in the environment), under Node's default
 * handling of unhandled rejections (the process ends on one). Prints one JSON line with what each
 * operation answered, then exits 0 — unless something escaped and ended the process first.
 *
 *   mode `sdk`:      wx-server-sdk used directly, every rejection caught by the caller;
 *   mode `adapter`:  the store adapter (cloudDatabaseStore), every operation;
 *   mode `function`: a built cloud function (cloudfunctions/getUserVerifyStatus) with TCB_ENV set,
 *                    run from a copy of its deploy folder outside the repository (as in the
 *                    cloud: no node_modules to fall back on);
 *   mode `other`:    the adapter, then an unrelated promise rejected with nobody listening.
 */
import { cpSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

const mode = process.argv[2];
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ resolved: value }),
    (error: Error) => ({ rejected: `${error.name}: ${error.message}` }),
  );

async function sdkDirectly() {
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db = cloud.database({ throwOnNotFound: false });
  return [await outcome(db.collection('records').doc('oUser').get())];
}

async function throughAdapter() {
  const { cloudDatabaseStore } = await import('../../../server/store/cloudDatabaseStore');
  const store = cloudDatabaseStore('offline-env').collection<{ n: number }>('records');
  return [
    await outcome(store.get('oUser')),
    await outcome(store.put('oUser', { n: 1 })),
    await outcome(store.delete('oUser')),
    await outcome(store.findBelow('n', 5, 10)),
    await outcome(store.transact('oUser', () => ({ result: 'x', write: { n: 2 } }))),
  ];
}

async function otherRejection() {
  const results = await throughAdapter();
  void Promise.reject(new Error('an unrelated rejection'));
  return results;
}

async function throughFunction() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'deploy-folder-'));
  cpSync(path.resolve(__dirname, '../../../cloudfunctions/getUserVerifyStatus'), folder, {
    recursive: true,
  });
  const { main } = require(path.join(folder, 'index.js')) as {
    main: (event: unknown) => Promise<unknown>;
  };
  const results = [await outcome(main({}))];
  rmSync(folder, { recursive: true, force: true });
  return results;
}

async function run() {
  const runs: Record<string, () => Promise<unknown[]>> = {
    sdk: sdkDirectly,
    adapter: throughAdapter,
    function: throughFunction,
    other: otherRejection,
  };
  const results = await runs[mode]();
  // Give anything left dangling time to surface before declaring the process unharmed.
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.stdout.write(`${JSON.stringify({ results })}\n`);
  process.exit(0);
}

void run();
