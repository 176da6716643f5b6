/**
 * `npm run bench:load`: ESS's 20 requests/s per action under bursts, with the cloud functions run
 * as several processes (function instances) sharing one store, against the emulator at its real
 * limits. Prints a Markdown table (the README keeps the last full run).
 *
 *   npm run bench:load -- [users=200] [instances=4]
 */
import { buildCloudFunctions } from './build-functions';
import {
  burstOfNewUsers,
  burstWithFailures,
  doubleTaps,
  formatTable,
  pollerAmongNewUsers,
  startLoadStack,
  type ScenarioRow,
} from './load/loadScenarios';

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 200);
  const instances = Number(process.argv[3] ?? 4);
  await buildCloudFunctions();
  const stack = await startLoadStack({ instances });
  const rows: ScenarioRow[] = [];
  try {
    console.log(
      `${instances} function instances (processes), one shared local store, ESS emulator at 20 req/s per action\n`,
    );
    rows.push(await burstOfNewUsers(stack, `${users} new users within 1 s`, users, 0));
    rows.push(await burstOfNewUsers(stack, `the same ${users} again`, users, 0));
    rows.push(await burstWithFailures(stack, users, 10_000));
    rows.push(await pollerAmongNewUsers(stack, 150, 40, 20_000));
    rows.push(await doubleTaps(stack, 20, 30_000));
    console.log(formatTable(rows));
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
