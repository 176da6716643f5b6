/**
 * A pool of function instances (`functionWorker.ts` processes) sharing one local store, as the
 * WeChat cloud runs several instances of a function side by side. Invocations go round-robin.
 */
import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import type { Invocation, InvocationResult } from './functionWorker';

/** What the load runs read of the functions' answers (contract results and HTTP results). */
export interface Answer {
  ok?: boolean;
  code?: string;
  retryAfterMs?: number;
  path?: string;
  status?: string;
  proof?: string;
  statusCode?: number;
  body?: string;
}

export interface Instances {
  invoke(name: string, event: unknown, openid: string | null): Promise<Answer>;
  close(): Promise<void>;
}

export async function startInstances(
  count: number,
  env: Record<string, string>,
): Promise<Instances> {
  const workers: ChildProcess[] = [];
  const pending = new Map<number, (answer: InvocationResult) => void>();
  for (let i = 0; i < count; i += 1) {
    const worker = fork(path.join(__dirname, 'functionWorker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { PATH: process.env.PATH ?? '', WX_CONTEXT_KEYS: 'WX_OPENID', ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => resolve());
    });
    worker.on('message', (answer: InvocationResult) => pending.get(answer.id)?.(answer));
    workers.push(worker);
  }
  let next = 0;
  return {
    invoke(name, event, openid) {
      const id = ++next;
      const worker = workers[id % workers.length];
      return new Promise((resolve, reject) => {
        pending.set(id, (answer) => {
          pending.delete(id);
          if (answer.error) reject(new Error(answer.error));
          else resolve(answer.result as Answer);
        });
        worker.send({ id, name, event, openid } satisfies Invocation);
      });
    },
    async close() {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.kill();
            }),
        ),
      );
    },
  };
}
