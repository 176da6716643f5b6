/**
 * `npm run deploy`: the dry run prints the plan (functions, runtimes, time-outs, triggers, the
 * essCallback HTTP access path, variable NAMES) and never a value; a deploy with an empty
 * required variable is refused, naming them, before anything is built or sent. No network: any
 * socket opened during these tests fails them.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { runDeploy, TCB, type CommandRunner } from '../../scripts/deploy';
import { readEnvFile } from '../../scripts/deployment/envFile';
import { readDeployPlan } from '../../scripts/deployment/deployPlan';

const root = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures', 'deploy');
const COMPLETE_ENV_FILE = path.join(FIXTURES, 'complete.env');
const NO_ENV_FILE = path.join(FIXTURES, 'absent.env');
const plan = readDeployPlan(path.join(root, 'cloudbaserc.json'));

/** Every variable of the plan set, each to a value that is easy to spot in output. */
function completeEnv(): Record<string, string> {
  return Object.fromEntries(plan.variables.map((name) => [name, `value-of-${name}-x9q`]));
}

async function deploy(
  argv: string[],
  env: Record<string, string | undefined>,
  configFile?: string,
) {
  const out: string[] = [];
  const err: string[] = [];
  const build = jest.fn(async () => undefined);
  const run = jest.fn<ReturnType<CommandRunner>, Parameters<CommandRunner>>(() => 0);
  const code = await runDeploy({
    argv,
    env,
    io: { out: (line) => out.push(line), err: (line) => err.push(line) },
    build,
    run,
    configFile,
  });
  return { code, out: out.join('\n'), err: err.join('\n'), build, run };
}

describe('npm run deploy', () => {
  let connect: jest.SpyInstance;
  beforeEach(() => {
    connect = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      throw new Error('the deploy tried to open a connection');
    });
  });
  afterEach(() => {
    expect(connect).not.toHaveBeenCalled();
    connect.mockRestore();
  });

  describe('--dry-run', () => {
    it('prints functions, runtimes, time-outs, triggers, the HTTP path and variable names', async () => {
      const { code, out, build, run } = await deploy(
        ['--dry-run', '--env-file', NO_ENV_FILE],
        completeEnv(),
      );
      expect(code).toBe(0);
      for (const fn of plan.functions) {
        expect(out).toMatch(
          new RegExp(`${fn.name}\\s+${fn.runtime}\\s+${fn.timeoutSeconds} s\\s+${fn.memoryMb} MB`),
        );
      }
      expect(out).toContain('timer trigger hourlyPurge "0 17 * * * * *"');
      expect(out).toContain('HTTP access path /essCallback');
      expect(out).toMatch(/ESS callback URL: https:\/\/<.*>\/essCallback → essCallback/);
      for (const name of plan.variables) expect(out).toContain(name);
      expect(out).toContain('Dry run: nothing was built or sent.');
      expect(build).not.toHaveBeenCalled();
      expect(run).not.toHaveBeenCalled();
    });

    it('never prints a value, even when every variable is set', async () => {
      const env = completeEnv();
      const { code, out, err } = await deploy(['--dry-run', '--env-file', NO_ENV_FILE], env);
      expect(code).toBe(0);
      for (const value of Object.values(env)) {
        expect(out).not.toContain(value);
        expect(err).not.toContain(value);
      }
    });

    it('reads .env when the environment lacks a variable, and prints none of its values', async () => {
      const fileValues = readEnvFile(COMPLETE_ENV_FILE);
      const { code, out } = await deploy(['--dry-run', '--env-file', COMPLETE_ENV_FILE], {});
      expect(code).toBe(0);
      for (const value of Object.values(fileValues).filter((v) => /fixture/i.test(v))) {
        expect(out).not.toContain(value);
      }
      expect(out).toMatch(/DATA_HASH_KEY\s+required\s+set/);
      expect(out).toMatch(/ESS_RATE_LIMIT\s+optional\s+empty → default/);
    });
  });

  describe('refusal', () => {
    it('names every empty required variable and builds or sends nothing', async () => {
      const env = { ...completeEnv(), DATA_HASH_KEY: '', ESS_SECRET_KEY: '  ' };
      delete (env as Record<string, string | undefined>).ESS_CALLBACK_KEY;
      const { code, err, build, run } = await deploy(['--env-file', NO_ENV_FILE], env);
      expect(code).toBe(1);
      expect(err).toContain(
        'Refusing to deploy: required variable(s) empty: DATA_HASH_KEY, ESS_CALLBACK_KEY, ESS_SECRET_KEY.',
      );
      expect(build).not.toHaveBeenCalled();
      expect(run).not.toHaveBeenCalled();
    });

    it('refuses in a dry run too (a real deploy would), exiting 1', async () => {
      const { code, err } = await deploy(['--dry-run', '--env-file', NO_ENV_FILE], {});
      expect(code).toBe(1);
      expect(err).toContain(
        'required variable(s) empty: DATA_HASH_KEY, ESS_CALLBACK_KEY, ESS_OPERATOR_ID, ESS_SECRET_ID, ESS_SECRET_KEY, TCB_ENV_ID.',
      );
    });

    it('lets the environment win over .env, even with an empty value (as @cloudbase/cli does)', async () => {
      const { code, err } = await deploy(['--dry-run', '--env-file', COMPLETE_ENV_FILE], {
        DATA_HASH_KEY: '',
      });
      expect(code).toBe(1);
      expect(err).toContain('required variable(s) empty: DATA_HASH_KEY.');
    });

    it('keeps DATA_HASH_KEY required: no default may stand in for it', async () => {
      const env = completeEnv();
      delete (env as Record<string, string | undefined>).DATA_HASH_KEY;
      const { code, err } = await deploy(['--dry-run', '--env-file', NO_ENV_FILE], env);
      expect(code).toBe(1);
      expect(err).toContain('required variable(s) empty: DATA_HASH_KEY.');
    });
  });

  it('deploys with the pinned CLI, every function, the resolved values in its environment', async () => {
    const env = completeEnv();
    const { code, out, build, run } = await deploy(['--env-file', NO_ENV_FILE], env);
    expect(code).toBe(0);
    expect(build).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(1);
    const [command, args, childEnv] = run.mock.calls[0];
    expect(command).toBe(TCB);
    expect(path.relative(root, command)).toBe(path.join('node_modules', '.bin', 'tcb'));
    expect(args).toEqual(['fn', 'deploy', '--all', '--force', '--yes', '-e', env.TCB_ENV_ID]);
    expect(childEnv).toEqual(env);
    for (const value of Object.values(env)) expect(out).not.toContain(value);
  });
});

describe('deploy folders', () => {
  it('refuses, naming what is missing, when a folder lacks its bundle or database client', async () => {
    // The same cloudbaserc.json over a function root where one folder was never built.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deploy-folders-'));
    try {
      copyFileSync(path.join(root, 'cloudbaserc.json'), path.join(dir, 'cloudbaserc.json'));
      cpSync(path.join(root, 'cloudfunctions'), path.join(dir, 'cloudfunctions'), {
        recursive: true,
      });
      rmSync(path.join(dir, 'cloudfunctions', 'essCallback', 'wx-server-sdk.db.js'));
      const { code, err, build, run } = await deploy(
        ['--env-file', NO_ENV_FILE],
        completeEnv(),
        path.join(dir, 'cloudbaserc.json'),
      );
      expect(build).toHaveBeenCalledTimes(1);
      expect(code).toBe(1);
      expect(err).toContain('Refusing to deploy: deploy folder(s) incomplete');
      expect(err).toContain('essCallback: wx-server-sdk.db.js');
      expect(run).not.toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the deploy command line', () => {
  it('runs the dry run as `tsx scripts/deploy.ts --dry-run`, exit 0, no value printed', () => {
    const fileValues = readEnvFile(COMPLETE_ENV_FILE);
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        'scripts/deploy.ts',
        '--dry-run',
        '--env-file',
        COMPLETE_ENV_FILE,
      ],
      { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was built or sent.');
    for (const value of Object.values(fileValues).filter((v) => /fixture/i.test(v))) {
      expect(run.stdout).not.toContain(value);
    }
  });
});
