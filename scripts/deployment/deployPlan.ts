/**
 * What `npm run deploy` will do, read from cloudbaserc.json (the file @cloudbase/cli deploys):
 * functions with runtime, time-out, memory, triggers and HTTP access path, and the environment
 * variables each gets. Every `{{env.NAME}}` in the file is a variable the deploy needs; all are
 * required except the ones listed as optional below (a new variable is required until it is
 * listed, so a forgotten one refuses the deploy instead of deploying an empty value).
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { WX_DATABASE_CLIENT_FILE } from '../wxDatabaseClient';
import type { EnvValues } from './envFile';

/** Variables that may be empty: the function then uses its default (README: Configuration). */
export const OPTIONAL_VARIABLES: Readonly<Record<string, string>> = {
  ESS_ENDPOINT: 'ess.tencentcloudapi.com (production)',
  ESS_ENV: 'from ESS_ENDPOINT',
  ESS_REGION: 'none',
  ESS_REQUEST_TIMEOUT_MS: '5000',
  ESS_MAX_ATTEMPTS: '3',
  ESS_RATE_LIMIT: '20 per second per action',
  ESS_LINK_QUOTA: '5 per OPENID per 24 h',
  ESS_STATUS_RECHECK_MS: '3000',
  ESS_CALLBACK_TOKEN: 'none (Content-Signature not required)',
  ADMIN_OPENIDS: 'nobody may use the admin functions',
  LOG_LEVEL: 'info',
};

export interface PlannedTrigger {
  name: string;
  type: string;
  config: string;
}

export interface PlannedFunction {
  name: string;
  runtime: string;
  timeoutSeconds: number;
  memoryMb: number;
  triggers: PlannedTrigger[];
  /** HTTP access service path the deploy creates (`path` in cloudbaserc.json). */
  httpPath?: string;
  /** Names of the variables it gets; CloudBase replaces the function's variables with these. */
  variables: string[];
}

export interface DeployPlan {
  configFile: string;
  /** The variable naming the CloudBase environment (`envId`). */
  envIdVariable: string;
  functionRoot: string;
  functions: PlannedFunction[];
  /** Every variable the deploy needs, sorted. */
  variables: string[];
}

interface RawFunction {
  name: string;
  runtime?: string;
  timeout?: number;
  memorySize?: number;
  triggers?: PlannedTrigger[];
  path?: string;
  envVariables?: Record<string, string>;
}

const PLACEHOLDER = /^\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}$/;

function placeholderName(value: string, where: string): string {
  const match = PLACEHOLDER.exec(value);
  if (!match)
    throw new Error(`${where} must be "{{env.NAME}}" (no literal values), got "${value}"`);
  return match[1];
}

export function readDeployPlan(configFile: string): DeployPlan {
  const raw = JSON.parse(readFileSync(configFile, 'utf8')) as {
    envId: string;
    functionRoot?: string;
    functions: RawFunction[];
  };
  const envIdVariable = placeholderName(raw.envId, 'envId');
  const functions = raw.functions.map((fn): PlannedFunction => {
    const variables = Object.entries(fn.envVariables ?? {}).map(([name, value]) => {
      const source = placeholderName(value, `${fn.name}.envVariables.${name}`);
      if (source !== name)
        throw new Error(
          `${fn.name}.envVariables.${name} reads {{env.${source}}}: use the same name`,
        );
      return name;
    });
    return {
      name: fn.name,
      runtime: fn.runtime ?? 'Nodejs8.9 (CLI default)',
      timeoutSeconds: fn.timeout ?? 10,
      memoryMb: fn.memorySize ?? 256,
      triggers: fn.triggers ?? [],
      httpPath: fn.path,
      variables: variables.sort(),
    };
  });
  const variables = new Set([envIdVariable, ...functions.flatMap((fn) => fn.variables)]);
  return {
    configFile,
    envIdVariable,
    functionRoot: raw.functionRoot ?? 'functions',
    functions,
    variables: [...variables].sort(),
  };
}

export const isRequired = (name: string) => !(name in OPTIONAL_VARIABLES);

/**
 * What each deploy folder must hold to run in the cloud, which installs nothing
 * (`installDependency` is off): the bundle and, beside it, the database client it requires.
 */
const DEPLOY_FOLDER_FILES = ['package.json', 'index.js', WX_DATABASE_CLIENT_FILE] as const;

/** `<function>: <missing files>` for each planned function whose folder is incomplete. */
export function incompleteFolders(plan: DeployPlan): string[] {
  const root = path.resolve(path.dirname(plan.configFile), plan.functionRoot);
  return plan.functions.flatMap((fn) => {
    const missing = DEPLOY_FOLDER_FILES.filter(
      (file) => !existsSync(path.join(root, fn.name, file)),
    );
    return missing.length ? [`${fn.name}: ${missing.join(', ')}`] : [];
  });
}

/** Required variables whose value is empty (after trimming), in the plan's order. */
export function missingRequired(plan: DeployPlan, values: EnvValues): string[] {
  return plan.variables.filter((name) => isRequired(name) && !(values[name] ?? '').trim());
}

/**
 * The plan as text: names, never values (a variable is only said to be set or empty). The
 * callback URL's domain is the environment's HTTP access service domain, shown by the console.
 */
export function formatPlan(plan: DeployPlan, values: EnvValues): string {
  const lines: string[] = [];
  const relative = path.relative(process.cwd(), plan.configFile) || plan.configFile;
  lines.push(
    `CloudBase environment: $${plan.envIdVariable} · ${plan.functions.length} functions from ${relative} (folders under ${plan.functionRoot})`,
    '',
  );
  const width = Math.max(...plan.functions.map((fn) => fn.name.length));
  lines.push(`  ${'function'.padEnd(width)}  runtime      time-out  memory  triggers, HTTP access`);
  for (const fn of plan.functions) {
    const extras = [
      ...fn.triggers.map((t) => `${t.type} trigger ${t.name} "${t.config}"`),
      ...(fn.httpPath ? [`HTTP access path ${fn.httpPath}`] : []),
    ];
    lines.push(
      `  ${fn.name.padEnd(width)}  ${fn.runtime.padEnd(11)}  ${`${fn.timeoutSeconds} s`.padEnd(8)}  ${`${fn.memoryMb} MB`.padEnd(6)}  ${extras.join('; ') || '—'}`,
    );
  }

  const common = plan.functions
    .map((fn) => fn.variables)
    .reduce((shared, names) => shared.filter((name) => names.includes(name)));
  lines.push(
    '',
    'Environment variables (CloudBase REPLACES each function’s variables with exactly these):',
    `  all ${plan.functions.length} functions: ${common.join(', ')}`,
  );
  for (const fn of plan.functions) {
    const own = fn.variables.filter((name) => !common.includes(name));
    if (own.length) lines.push(`  + ${fn.name}: ${own.join(', ')}`);
  }

  lines.push('', 'Values (names only):');
  const nameWidth = Math.max(...plan.variables.map((name) => name.length));
  for (const name of plan.variables) {
    const set = !!(values[name] ?? '').trim();
    const state = set
      ? 'set'
      : isRequired(name)
        ? 'EMPTY — required'
        : `empty → default: ${OPTIONAL_VARIABLES[name]}`;
    lines.push(
      `  ${name.padEnd(nameWidth)}  ${isRequired(name) ? 'required' : 'optional'}  ${state}`,
    );
  }

  for (const fn of plan.functions.filter((f) => f.httpPath)) {
    lines.push(
      '',
      `ESS callback URL: https://<HTTP access service domain of $${plan.envIdVariable}>${fn.httpPath} → ${fn.name}`,
      '  (云开发控制台 → HTTP 访问服务 shows the domain; enter the URL in the ESS console’s callback settings)',
    );
  }
  return lines.join('\n');
}
