/**
 * The deploy configuration against the code. CloudBase replaces a function's environment
 * variables on every deploy, so a variable the functions read but cloudbaserc.json does not
 * declare could only be set in the console — and would be wiped by the next deploy. Here:
 * every variable the server reads is deployed (or is set by the cloud, or local only), to every
 * function that reads it; .env.example lists exactly what the deploy needs; essCallback gets its
 * HTTP access path and the purge its timer.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import path from 'path';
import { CLOUD_FUNCTIONS } from '../../src/domain/functionContract';
import {
  OPTIONAL_VARIABLES,
  isRequired,
  readDeployPlan,
} from '../../scripts/deployment/deployPlan';

const root = path.resolve(__dirname, '../..');
const plan = readDeployPlan(path.join(root, 'cloudbaserc.json'));

/** Read by the server but never deployed, and why. */
const NOT_DEPLOYED: Record<string, string> = {
  TCB_ENV: 'set by the WeChat cloud',
  SCF_NAMESPACE: 'set by the WeChat cloud',
  TCB_SOURCE: 'set by the WeChat cloud per call',
  WX_CONTEXT_KEYS: 'set by the WeChat cloud per call',
  LOCAL_DATA_DIR: 'the local file store (off the cloud) only',
  H5_JUMP_URL: 'the local H5 gateway (npm start) only',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

/** Variable name -> the server files that read it. */
function variablesReadByServer(): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(root, 'server'))) {
    const text = readFileSync(file, 'utf8');
    // `env.NAME`, `process.env.NAME`, and config.ts's `required('NAME')`.
    const names = [
      ...text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)/g),
      ...text.matchAll(/\brequired\('([A-Z][A-Z0-9_]+)'\)/g),
    ].map((match) => match[1]);
    for (const name of names) {
      const relative = path.relative(root, file);
      readers.set(name, [...new Set([...(readers.get(name) ?? []), relative])]);
    }
  }
  return readers;
}

const fn = (name: string) => plan.functions.find((f) => f.name === name)!;

describe('cloudbaserc.json and .env.example', () => {
  const read = variablesReadByServer();

  it('deploys every variable the server reads, unless the cloud sets it or it is local only', () => {
    const undeclared = [...read.keys()].filter(
      (name) => !(name in NOT_DEPLOYED) && !plan.variables.includes(name),
    );
    expect(undeclared).toEqual([]);
  });

  it('gives every function the configuration and logging variables', () => {
    const shared = [...read]
      .filter(([, files]) => files.some((f) => /^server\/(config|log)\.ts$/.test(f)))
      .map(([name]) => name)
      .filter((name) => !(name in NOT_DEPLOYED));
    expect(shared.length).toBeGreaterThan(5);
    for (const f of plan.functions)
      expect({ [f.name]: shared.filter((n) => !f.variables.includes(n)) }).toEqual({
        [f.name]: [],
      });
  });

  it('gives ADMIN_OPENIDS to the admin functions and the callback key to essCallback only', () => {
    for (const [name, trigger] of Object.entries(CLOUD_FUNCTIONS)) {
      expect({ name, admin: fn(name).variables.includes('ADMIN_OPENIDS') }).toEqual({
        name,
        admin: trigger === 'admin',
      });
      expect({ name, callbackKey: fn(name).variables.includes('ESS_CALLBACK_KEY') }).toEqual({
        name,
        callbackKey: trigger === 'http',
      });
    }
  });

  it('declares the HTTP access path for the HTTP-triggered function and the timer for the timer one', () => {
    for (const [name, trigger] of Object.entries(CLOUD_FUNCTIONS)) {
      expect({ name, path: fn(name).httpPath }).toEqual({
        name,
        path: trigger === 'http' ? `/${name}` : undefined,
      });
      expect({ name, timers: fn(name).triggers.filter((t) => t.type === 'timer').length }).toEqual({
        name,
        timers: trigger === 'timer' ? 1 : 0,
      });
    }
  });

  it('matches the timer declared in the function folder (used by DevTools "上传触发器")', () => {
    const folderConfig = JSON.parse(
      readFileSync(path.join(root, 'cloudfunctions/purgeExpiredVerifications/config.json'), 'utf8'),
    );
    expect(fn('purgeExpiredVerifications').triggers).toEqual(folderConfig.triggers);
  });

  it('.env.example lists exactly the variables the deploy needs, one empty NAME= a line', () => {
    const lines = readFileSync(path.join(root, '.env.example'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'));
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9_]*=$/);
    expect(lines.map((line) => line.slice(0, -1)).sort()).toEqual(plan.variables);
  });

  it('keeps the secrets and DATA_HASH_KEY required; optional ones are all deployed', () => {
    for (const name of [
      'TCB_ENV_ID',
      'ESS_SECRET_ID',
      'ESS_SECRET_KEY',
      'ESS_OPERATOR_ID',
      'DATA_HASH_KEY',
      'ESS_CALLBACK_KEY',
    ])
      expect({ name, required: isRequired(name) }).toEqual({ name, required: true });
    for (const name of Object.keys(OPTIONAL_VARIABLES)) expect(plan.variables).toContain(name);
  });

  it('docs/deploy.md has the operator create every collection the server uses', () => {
    const collections = new Set(
      sourceFiles(path.join(root, 'server')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/'(ess_[a-z_]+)'/g)].map((match) => match[1]),
      ),
    );
    expect(collections.size).toBeGreaterThan(3);
    const guide = readFileSync(path.join(root, 'docs', 'deploy.md'), 'utf8');
    for (const name of collections)
      expect({ name, listed: guide.includes(`\`${name}\``) }).toEqual({ name, listed: true });
  });

  it('is git-ignored where values live (.env), never for .env.example', () => {
    const ignored = readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('.env');
    expect(ignored).not.toContain('.env.example');
  });
});
