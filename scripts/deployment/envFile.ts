/**
 * The deploy's configuration: the process environment (how a CI secret store hands it over) over a
 * git-ignored `.env` file (local use). The process wins, even with an empty value — exactly the
 * precedence @cloudbase/cli applies when it renders `{{env.NAME}}` in cloudbaserc.json.
 */
import { existsSync, readFileSync } from 'fs';

export type EnvValues = Record<string, string>;

/**
 * Parses a `.env` file the way dotenv does for the cases that matter here: `NAME=value` lines,
 * an optional `export ` prefix, `#` comment lines, single- or double-quoted values, and ` #`
 * comments after an unquoted value.
 */
function parseEnvFile(text: string): EnvValues {
  const values: EnvValues = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name, rest] = match;
    const quoted = /^(['"])(.*)\1$/.exec(rest);
    if (quoted) values[name] = quoted[1] === '"' ? quoted[2].replace(/\\n/g, '\n') : quoted[2];
    else values[name] = rest.replace(/\s+#.*$/, '').trim();
  }
  return values;
}

export function readEnvFile(file: string): EnvValues {
  return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
}

/** The value of each of `names`: the process environment's when it has the name, else the file's. */
export function resolveValues(
  names: readonly string[],
  processEnv: Record<string, string | undefined>,
  fileValues: EnvValues,
): EnvValues {
  const resolved: EnvValues = {};
  for (const name of names) {
    const fromProcess = processEnv[name];
    resolved[name] = fromProcess !== undefined ? fromProcess : (fileValues[name] ?? '');
  }
  return resolved;
}
