/**
 * Runs a TypeScript file of tests/support/children/ as a separate Node process (through tsx), the
 * way a second cloud-function instance would run: its own module state, pid and event loop.
 */
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningChild {
  process: ChildProcess;
  /** Resolves when the child has exited. */
  done: Promise<ChildResult>;
  /** Resolves with the first stdout line that matches. */
  waitForLine(pattern: RegExp): Promise<string>;
}

const CHILDREN = path.join(__dirname, 'children');

export function startChild(
  file: string,
  args: string[] = [],
  env: Record<string, string | undefined> = process.env,
): RunningChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(CHILDREN, file), ...args], {
    env: env as NodeJS.ProcessEnv,
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    listeners.forEach((listener) => listener());
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = stdout.split('\n').find((candidate) => pattern.test(candidate));
        if (line !== undefined) resolve(line);
      };
      listeners.push(check);
      check();
      void done.then((result) =>
        reject(
          new Error(
            `child exited (${result.code ?? result.signal}) before ${pattern}: ${result.stderr}`,
          ),
        ),
      );
    });
  return { process: child, done, waitForLine };
}

export function runChild(
  file: string,
  args: string[] = [],
  env: Record<string, string | undefined> = process.env,
): Promise<ChildResult> {
  return startChild(file, args, env).done;
}

/** The last JSON line a child printed. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'));
  if (!lines.length) throw new Error(`no JSON line in: ${stdout}`);
  return JSON.parse(lines[lines.length - 1]) as T;
}
