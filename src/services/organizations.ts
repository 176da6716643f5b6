/**
 * The enterprise batch-authentication calls the admin pages make, typed by the shared contract
 * (ESS CreateBatchOrganizationRegistrationTasks, DescribeBatchOrganizationRegistrationUrls,
 * CreateBatchOrganizationAuthorizationUrl, and the operator's access check), and the polling of
 * registration tasks. The pages act on codes and statuses, never on the wording of a message.
 */
import type { ErrorCode } from '../domain/errors';
import type {
  CreateBatchOrganizationAuthorizationUrlEvent,
  CreateBatchOrganizationAuthorizationUrlResult,
  CreateBatchOrganizationRegistrationTasksEvent,
  CreateBatchOrganizationRegistrationTasksResult,
  DescribeBatchOrganizationRegistrationUrlsResult,
  RegistrationUrlRow,
} from '../domain/organizationContract';
import { callFunction } from './platform';

/** Submits enterprises for registration; send the same `requestKey` when retrying the same rows. */
export function createRegistrationTasks(
  event: CreateBatchOrganizationRegistrationTasksEvent,
): Promise<CreateBatchOrganizationRegistrationTasksResult> {
  return callFunction('createBatchOrganizationRegistrationTasks', event);
}

/** The per-enterprise links of one registration task, or `ready: false` while ESS works on it. */
export function describeRegistrationUrls(
  taskId: string,
): Promise<DescribeBatchOrganizationRegistrationUrlsResult> {
  return callFunction('describeBatchOrganizationRegistrationUrls', { taskId });
}

/** One link through which a super admin completes the registration of several enterprises. */
export function createAuthorizationUrl(
  event: CreateBatchOrganizationAuthorizationUrlEvent,
): Promise<CreateBatchOrganizationAuthorizationUrlResult> {
  return callFunction('createBatchOrganizationAuthorizationUrl', event);
}

/**
 * Whether the current user is an operator (may use the enterprise functions), asked with the
 * function made for it (`checkOperatorAccess`: no ESS call, nothing stored). Anything but a clear
 * yes or no (network) is `unknown`: the page stays usable and the first real call will tell.
 */
export async function checkOperatorAccess(): Promise<'allowed' | 'forbidden' | 'unknown'> {
  const result = await callFunction('checkOperatorAccess', {});
  if (result.ok) return 'allowed';
  return result.code === 'FORBIDDEN' ? 'forbidden' : 'unknown';
}

/** A random key for one submission attempt (128 bits, hex); reused when that attempt is retried. */
export function newRequestKey(): string {
  const bytes = new Uint8Array(16);
  const cryptoApi = (globalThis as { crypto?: Pick<Crypto, 'getRandomValues'> }).crypto;
  if (cryptoApi && typeof cryptoApi.getRandomValues === 'function') {
    cryptoApi.getRandomValues(bytes);
  } else {
    // The mini-program runtime has no Web Crypto; the key only has to be unique, not secret.
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------------
// Polling

export type TaskStatus =
  | { taskId: string; state: 'pending'; /** The last transient problem, if any. */ note?: string }
  | {
      taskId: string;
      state: 'ready';
      rows: RegistrationUrlRow[];
      /** The subsidiary the task was created for, if any. */
      proxyOrganizationId?: string;
    }
  | { taskId: string; state: 'failed'; code: ErrorCode; message: string };

export interface PollSchedule {
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Stop asking after this long; the page offers a manual refresh. */
  giveUpAfterMs: number;
}

/** 1 s, 1.5 s, 2.25 s, … capped at 5 s, for about two minutes (ESS: "正常情况下 3~5 秒"). */
export const POLL_SCHEDULE: PollSchedule = {
  firstDelayMs: 1000,
  factor: 1.5,
  maxDelayMs: 5000,
  giveUpAfterMs: 120_000,
};

/** The wait before poll round `attempt + 1` (attempt 0 is the wait after the first round). */
export function pollDelay(attempt: number, schedule: PollSchedule = POLL_SCHEDULE): number {
  const delay = schedule.firstDelayMs * schedule.factor ** attempt;
  return Math.round(Math.min(delay, schedule.maxDelayMs));
}

/** Failures worth asking again about: the next round may well succeed. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'NETWORK',
  'QUEUED',
  'RATE_LIMITED',
  'ESS_UNAVAILABLE',
  'ESS_TIMEOUT',
  'INTERNAL',
]);

export interface PollOptions {
  schedule?: PollSchedule;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Called after every round with the status of every task, in the order given. */
  onUpdate?: (tasks: TaskStatus[]) => void;
  /** Checked between rounds; polling stops quietly once true (page left, newer poll started). */
  isCancelled?: () => boolean;
}

export type PollOutcome =
  /** No task is pending any more (each is ready or failed). */
  | { kind: 'settled'; tasks: TaskStatus[] }
  /** Some tasks are still pending after `giveUpAfterMs`. */
  | { kind: 'timedOut'; tasks: TaskStatus[] }
  | { kind: 'cancelled' };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function describeTask(task: TaskStatus): Promise<TaskStatus> {
  if (task.state !== 'pending') return task;
  const result = await describeRegistrationUrls(task.taskId);
  if (result.ok) {
    if (!result.ready) return { taskId: task.taskId, state: 'pending' };
    const { rows, proxyOrganizationId } = result;
    return {
      taskId: task.taskId,
      state: 'ready',
      rows,
      ...(proxyOrganizationId ? { proxyOrganizationId } : {}),
    };
  }
  if (TRANSIENT_CODES.has(result.code)) {
    return { taskId: task.taskId, state: 'pending', note: result.message };
  }
  return { taskId: task.taskId, state: 'failed', code: result.code, message: result.message };
}

/**
 * Asks for each pending task's links until none is pending, backing off between rounds
 * (`POLL_SCHEDULE`) and giving up after about two minutes. Ready and failed tasks are not asked
 * again. Never rejects.
 */
export async function pollRegistrationUrls(
  tasks: TaskStatus[],
  options: PollOptions = {},
): Promise<PollOutcome> {
  const {
    schedule = POLL_SCHEDULE,
    sleep = defaultSleep,
    now = Date.now,
    onUpdate,
    isCancelled = () => false,
  } = options;
  const started = now();
  let current = tasks;
  for (let attempt = 0; ; attempt += 1) {
    current = await Promise.all(current.map(describeTask));
    if (isCancelled()) return { kind: 'cancelled' };
    onUpdate?.(current);
    if (current.every((task) => task.state !== 'pending'))
      return { kind: 'settled', tasks: current };
    const delay = pollDelay(attempt, schedule);
    if (now() - started + delay > schedule.giveUpAfterMs)
      return { kind: 'timedOut', tasks: current };
    await sleep(delay);
    if (isCancelled()) return { kind: 'cancelled' };
  }
}

/** Every task still to be asked about. */
export function pendingTasks(taskIds: readonly string[]): TaskStatus[] {
  return taskIds.map((taskId) => ({ taskId, state: 'pending' }));
}
