/**
 * `npm start`: the product on 127.0.0.1 — the H5 build of the Taro pages, the cloud functions
 * behind `POST /api/<name>`, and the bundled ESS emulator (or real ESS when ESS_SECRET_ID,
 * ESS_SECRET_KEY and ESS_OPERATOR_ID are set). Ctrl-C stops everything.
 *
 *   PORT=8080 npm start
 */
import { buildCloudFunctions } from '../scripts/build-functions';
import { ensureH5Build } from './h5Build';
import { startLocalStack } from './localStack';

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);

  const buildMs = ensureH5Build();
  if (buildMs) console.log(`  dist/h5 built in ${(buildMs / 1000).toFixed(1)} s`);
  const { functions } = await buildCloudFunctions();
  console.log(`  ${functions.length} cloud functions bundled`);

  process.env.LOG_LEVEL ??= 'warn';
  const stack = await startLocalStack({ port, log: (line) => console.log(`  ${line}`) });
  console.log(
    stack.emulator
      ? `  ESS: the bundled emulator at ${stack.emulator.url} (no credentials needed)`
      : `  ESS: ${stack.essEndpoint} with your ESS_SECRET_ID / ESS_OPERATOR_ID`,
  );
  console.log(`\n  Open ${stack.url}`);
  console.log(
    `  Enterprise admin pages (this browser becomes the local admin): ${stack.adminLoginUrl}\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n  ${signal}: stopping …`);
    stack.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
