/**
 * One cloud-function instance for the load runs: a Node process that runs the built bundles
 * (`cloudfunctions/<name>/index.js`) as WeChat would, many invocations at once, with the caller's
 * identity in wx-server-sdk's variables. Several of these share one LOCAL_DATA_DIR, as function
 * instances share the cloud database. Driven over IPC by `instances.ts`.
 */
import path from 'path';

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

export interface Invocation {
  id: number;
  name: string;
  event: unknown;
  /** The caller; null for HTTP- or timer-triggered functions. */
  openid: string | null;
}

export interface InvocationResult {
  id: number;
  result?: unknown;
  error?: string;
}

const FUNCTIONS_ROOT = path.resolve(__dirname, '../../cloudfunctions');
const mains = new Map<string, Main>();

function load(name: string): Main {
  let main = mains.get(name);
  if (!main) {
    main = (require(path.join(FUNCTIONS_ROOT, name, 'index.js')) as { main: Main }).main;
    mains.set(name, main);
  }
  return main;
}

process.on('message', (message: Invocation) => {
  const { id, name, event, openid } = message;
  let running: Promise<unknown>;
  try {
    // The runtime reads the caller synchronously when main() starts: set it just before.
    if (openid) process.env.WX_OPENID = openid;
    else delete process.env.WX_OPENID;
    running = load(name)(event, { request_id: `load-${process.pid}-${id}` });
  } catch (error) {
    running = Promise.reject(error);
  }
  running.then(
    (result) => process.send?.({ id, result } satisfies InvocationResult),
    (error: unknown) => process.send?.({ id, error: String(error) } satisfies InvocationResult),
  );
});

process.send?.({ id: -1, result: 'ready' } satisfies InvocationResult);
