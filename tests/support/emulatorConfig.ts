/**
 * The ESS emulator on 127.0.0.1 and the server's ESS configuration pointing at it, for tests that
 * call server modules directly (the function tests go through functionHarness.ts instead).
 */
import { startEssEmulator, type EssEmulator } from '../../emulator';
import { loadEssConfig, type EssConfig } from '../../server/config';

const SECRET_ID = 'AKIDserverModuleTest';
const SECRET_KEY = 'server-module-test-key';
const OPERATOR = 'yDserverModuleTestOperator';

/** Starts an emulator that knows the test credentials; `env` adds ESS_* settings. */
export async function startEmulatorWithConfig(
  env: Record<string, string> = {},
): Promise<{ emulator: EssEmulator; config: EssConfig }> {
  const emulator = await startEssEmulator({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    operatorIds: [OPERATOR],
  });
  const loaded = loadEssConfig({
    ESS_SECRET_ID: SECRET_ID,
    ESS_SECRET_KEY: SECRET_KEY,
    ESS_OPERATOR_ID: OPERATOR,
    ESS_ENDPOINT: emulator.url,
    ...env,
  });
  if (!loaded.ok) {
    await emulator.close();
    throw new Error(loaded.problems.join());
  }
  return { emulator, config: loaded.config };
}
