/**
 * `npm run deploy` — the one way to deploy the cloud functions (docs/deploy.md).
 *
 *   npm run deploy                 # build the bundles, then deploy every function with the CLI
 *   npm run deploy -- --dry-run    # print the plan and exit: nothing built, nothing sent
 *   npm run deploy -- --env-file path/to/.env   # another file than .env (default)
 *
 * Configuration: the process environment over `.env` (see .env.example). The deploy refuses to
 * run while a required variable is empty, naming them, because CloudBase replaces a function's
 * environment variables on every deploy: an empty one would wipe a secret (or DATA_HASH_KEY,
 * which would make every stored hash unrecognisable). It uses the pinned @cloudbase/cli
 * (node_modules/.bin/tcb), logged in beforehand with `npx tcb login`. After building, it also
 * refuses if a deploy folder lacks its bundle or database client (the cloud installs nothing).
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import path from 'path';
import { buildCloudFunctions } from './build-functions';
import { optionValue, runAsCommand, type CommandInput } from './command';
import { readEnvFile, resolveValues, type EnvValues } from './deployment/envFile';
import {
  formatPlan,
  incompleteFolders,
  missingRequired,
  readDeployPlan,
} from './deployment/deployPlan';

const ROOT = path.resolve(__dirname, '..');
export const TCB = path.join(ROOT, 'node_modules', '.bin', 'tcb');

/** Runs a command with extra environment variables; answers its exit status. */
export type CommandRunner = (command: string, args: string[], env: EnvValues) => number;

export interface DeployOptions extends CommandInput {
  /** Bundles the functions before a real deploy. */
  build?: () => Promise<unknown>;
  run?: CommandRunner;
  configFile?: string;
}

const runWithInheritedOutput: CommandRunner = (command, args, env) =>
  spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    .status ?? 1;

export async function runDeploy(options: DeployOptions): Promise<number> {
  const { argv, env, io } = options;
  const dryRun = argv.includes('--dry-run');
  const envFile = path.resolve(ROOT, optionValue(argv, '--env-file') ?? '.env');
  const plan = readDeployPlan(options.configFile ?? path.join(ROOT, 'cloudbaserc.json'));
  const values = resolveValues(plan.variables, env, readEnvFile(envFile));
  const missing = missingRequired(plan, values);

  io.out(
    `npm run deploy${dryRun ? ' --dry-run' : ''}: values from the environment, then ${path.relative(ROOT, envFile) || envFile}${existsSync(envFile) ? '' : ' (absent)'}`,
  );
  io.out(formatPlan(plan, values));
  if (missing.length) {
    io.err('');
    io.err(
      `Refusing to deploy: required variable(s) empty: ${missing.join(', ')}. ` +
        'CloudBase replaces every function’s variables on deploy, so an empty value would wipe ' +
        'the one in the cloud. Set them in .env (see .env.example) or the environment.',
    );
    return 1;
  }
  if (dryRun) {
    io.out('');
    io.out('Dry run: nothing was built or sent.');
    return 0;
  }

  await (options.build ?? buildCloudFunctions)();
  const incomplete = incompleteFolders(plan);
  if (incomplete.length) {
    io.err('');
    io.err(
      `Refusing to deploy: deploy folder(s) incomplete after the build — ${incomplete.join('; ')}. ` +
        'The cloud installs nothing, so a function without them would fail on its first call.',
    );
    return 1;
  }
  const run = options.run ?? runWithInheritedOutput;
  const args = ['fn', 'deploy', '--all', '--force', '--yes', '-e', values[plan.envIdVariable]];
  io.out('');
  io.out(
    `Deploying with ${path.relative(ROOT, TCB)} ${args.slice(0, -1).join(' ')} $${plan.envIdVariable}`,
  );
  const status = run(TCB, args, values);
  if (status !== 0) io.err(`tcb fn deploy failed (exit ${status}); see its output above.`);
  return status;
}

if (require.main === module) runAsCommand(runDeploy);
