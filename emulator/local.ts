/**
 * The emulator with its local default credentials, and the environment that points the cloud
 * functions at it — shared by `npm start`, `npm run demo` and the benchmark.
 */
import { EMULATOR_OPERATOR_ID, EMULATOR_SECRET_ID, EMULATOR_SECRET_KEY } from './defaults';
import { startEssEmulator } from './index';
import type { EssEmulator, EssEmulatorOptions } from './types';

export function startLocalEssEmulator(
  options: Partial<EssEmulatorOptions> = {},
): Promise<EssEmulator> {
  return startEssEmulator({
    secretId: EMULATOR_SECRET_ID,
    secretKey: EMULATOR_SECRET_KEY,
    operatorIds: [EMULATOR_OPERATOR_ID],
    ...options,
  });
}

/** The ESS_* variables (see the README) for cloud functions calling this emulator. */
export function essEnvFor(emulator: Pick<EssEmulator, 'url'>): Record<string, string> {
  return {
    ESS_SECRET_ID: EMULATOR_SECRET_ID,
    ESS_SECRET_KEY: EMULATOR_SECRET_KEY,
    ESS_OPERATOR_ID: EMULATOR_OPERATOR_ID,
    ESS_ENDPOINT: emulator.url,
    ESS_ENV: 'test',
  };
}
