/**
 * Runs the built cloud functions (cloudfunctions/<name>/index.js) the way WeChat would — `main(event,
 * context)` with the caller's identity in wx-server-sdk's env vars — against the project's ESS
 * emulator on 127.0.0.1, through the real ESS SDK.
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { startEssEmulator, type EssEmulator, type EssEmulatorOptions } from '../../emulator';
import { localFileStore } from '../../server/store/localFileStore';

export const TEST_SECRET_ID = 'AKIDtestHarnessSecretId';
export const TEST_SECRET_KEY = 'test-harness-secret-key-not-real';
export const TEST_OPERATOR_ID = 'yDtestOperatorUserId0000000000001';

const FUNCTIONS_ROOT = path.resolve(__dirname, '../../cloudfunctions');

type Main = (event: unknown, context?: unknown) => Promise<any>;

export interface Harness {
  emulator: EssEmulator;
  dataDir: string;
  /** Env vars the functions see; tests may change or delete entries before an invoke. */
  env: Record<string, string | undefined>;
  invoke(fn: string, event: unknown, options?: { openid?: string | null }): Promise<any>;
  /**
   * The documents of a collection by id (what is at rest), read through the local store; a
   * collection never written is `{}`, an unreadable one fails the test.
   */
  storedDocuments(collection: string): Promise<Record<string, any>>;
  /** Everything the functions wrote to the console during this harness's life. */
  logs(): string;
  close(): Promise<void>;
}

const MANAGED_ENV = [
  'ESS_SECRET_ID',
  'ESS_SECRET_KEY',
  'ESS_OPERATOR_ID',
  'ESS_ENDPOINT',
  'ESS_ENV',
  'ESS_REQUEST_TIMEOUT_MS',
  'ESS_MAX_ATTEMPTS',
  'LOCAL_DATA_DIR',
  'TCB_ENV',
  'TCB_SOURCE',
  'H5_JUMP_URL',
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'LOG_LEVEL',
  'ESS_STATUS_RECHECK_MS',
  'ESS_LINK_QUOTA',
  'ESS_RATE_LIMIT',
  'ADMIN_OPENIDS',
  'ESS_CALLBACK_KEY',
  'ESS_CALLBACK_TOKEN',
];

export async function startHarness(
  emulatorOptions: Partial<EssEmulatorOptions> = {},
): Promise<Harness> {
  const emulator = await startEssEmulator({
    secretId: TEST_SECRET_ID,
    secretKey: TEST_SECRET_KEY,
    operatorIds: [TEST_OPERATOR_ID],
    ...emulatorOptions,
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ess-verify-test-'));
  const env: Record<string, string | undefined> = {
    ESS_SECRET_ID: TEST_SECRET_ID,
    ESS_SECRET_KEY: TEST_SECRET_KEY,
    ESS_OPERATOR_ID: TEST_OPERATOR_ID,
    ESS_ENDPOINT: emulator.url,
    ESS_ENV: 'test',
    ESS_REQUEST_TIMEOUT_MS: '2000',
    LOCAL_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  const output: string[] = [];
  const saved = { log: console.log, error: console.error };
  console.log = (...args: unknown[]) => output.push(args.join(' '));
  console.error = (...args: unknown[]) => output.push(args.join(' '));

  return {
    emulator,
    dataDir,
    env,
    async invoke(fn, event, { openid = 'oTestUser000000000000000001' } = {}) {
      for (const key of MANAGED_ENV) delete process.env[key];
      for (const [key, value] of Object.entries(env))
        if (value !== undefined) process.env[key] = value;
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
      process.env.WX_APPID = 'wxTestMiniProgram0001';
      if (openid) process.env.WX_OPENID = openid;
      const { main } = require(path.join(FUNCTIONS_ROOT, fn, 'index.js')) as { main: Main };
      return main(event, { request_id: `test-${Date.now()}` });
    },
    storedDocuments: (collection) => localFileStore(dataDir).readAll(collection),
    logs: () => output.join('\n'),
    async close() {
      console.log = saved.log;
      console.error = saved.error;
      for (const key of MANAGED_ENV) delete process.env[key];
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
