/**
 * One contract, every store: the local file store (a fresh directory per test), the in-memory
 * store, and the WeChat cloud database adapter on the stand-in for wx-server-sdk's database.
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { cloudDatabaseStore, type CloudDatabase } from '../../server/store/cloudDatabaseStore';
import { localFileStore } from '../../server/store/localFileStore';
import { memoryStore } from '../../server/store/memoryStore';
import { describeStoreContract } from '../support/storeContract';
import { wxDatabaseStandIn } from '../support/wxDatabaseStandIn';

describeStoreContract(
  'local file store',
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
    const store = localFileStore(dir);
    return {
      store,
      readAll: (name) => store.readAll(name),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { lists: true },
);

describeStoreContract(
  'memory store',
  async () => {
    const store = memoryStore();
    return { store, readAll: (name) => store.readAll(name) };
  },
  { lists: true },
);

describeStoreContract('WeChat cloud database (stand-in)', async () => {
  const standIn = wxDatabaseStandIn();
  const database = () => standIn.database({ throwOnNotFound: false }) as CloudDatabase;
  return { store: cloudDatabaseStore('env-contract', { database }) };
});
