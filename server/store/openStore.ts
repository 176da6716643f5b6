/**
 * Chooses the store: the WeChat cloud database when running in the WeChat cloud (`TCB_ENV` is
 * set there), the local file store under `LOCAL_DATA_DIR` (default `.data/`) everywhere else.
 */
import type { StoreFactory } from './documentStore';
import { cloudDatabaseStore } from './cloudDatabaseStore';
import { localFileStore } from './localFileStore';

export function openStore(env: Record<string, string | undefined> = process.env): StoreFactory {
  if (env.TCB_ENV) return cloudDatabaseStore(env.TCB_ENV);
  return localFileStore(env.LOCAL_DATA_DIR?.trim() || '.data');
}
