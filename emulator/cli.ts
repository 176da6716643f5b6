/**
 * Runs the ESS emulator standalone (`npm run emulator`), configured from the environment:
 *   ESS_EMULATOR_PORT           port (default 8787; 0 picks a free one)
 *   ESS_EMULATOR_HOST           interface (default 127.0.0.1)
 *   ESS_EMULATOR_PUBLIC_URL     base of the H5 links it hands out (default its own URL)
 *   ESS_EMULATOR_TASK_DELAY_MS  how long batch registration tasks stay processing (default 3000)
 *   ESS_EMULATOR_MINI_APP_ID    MiniAppId answered for APP links (default wx371151823f6f3edf)
 *   ESS_SECRET_ID / ESS_SECRET_KEY / ESS_OPERATOR_ID
 *                               credentials it accepts (defaults: the local values of defaults.ts)
 * Prints its URL, logs one line per call, and stops cleanly on SIGINT / SIGTERM.
 */
import {
  EMULATOR_DEFAULT_HOST,
  EMULATOR_DEFAULT_PORT,
  EMULATOR_OPERATOR_ID,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
} from './defaults';
import { startEssEmulator } from './index';
import type { EssEmulatorOptions } from './types';

type Environment = Record<string, string | undefined>;

function text(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Environment, name: string): number | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return Number(value);
}

/** The emulator's options from environment variables. */
export function optionsFromEnvironment(
  env: Environment,
  log: (line: string) => void,
): EssEmulatorOptions {
  const port = integer(env, 'ESS_EMULATOR_PORT') ?? EMULATOR_DEFAULT_PORT;
  if (port > 65535) throw new Error(`ESS_EMULATOR_PORT must be at most 65535, got ${port}`);
  return {
    host: text(env, 'ESS_EMULATOR_HOST') ?? EMULATOR_DEFAULT_HOST,
    port,
    publicBaseUrl: text(env, 'ESS_EMULATOR_PUBLIC_URL'),
    taskReadyDelayMs: integer(env, 'ESS_EMULATOR_TASK_DELAY_MS'),
    miniAppIdAnswer: text(env, 'ESS_EMULATOR_MINI_APP_ID'),
    secretId: text(env, 'ESS_SECRET_ID') ?? EMULATOR_SECRET_ID,
    secretKey: text(env, 'ESS_SECRET_KEY') ?? EMULATOR_SECRET_KEY,
    operatorIds: [text(env, 'ESS_OPERATOR_ID') ?? EMULATOR_OPERATOR_ID],
    log,
  };
}

async function main(): Promise<void> {
  const log = (line: string): void => console.log(line);
  const options = optionsFromEnvironment(process.env, log);
  const emulator = await startEssEmulator(options);
  log(`ESS emulator listening on ${emulator.url}`);
  log(
    `  SDK endpoint: ${emulator.endpoint} (protocol http://), SecretId ${options.secretId}, operator ${options.operatorIds[0]}`,
  );
  log(`  control API: ${emulator.url}/__emulator/calls | faults | verify | latency | reset`);

  const stop = (signal: NodeJS.Signals): void => {
    log(`ESS emulator stopping (${signal})`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(
      `ESS emulator failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
