/**
 * What the server remembers about enterprise batch registration, one collection per kind of
 * record (in the WeChat cloud, create them in the console with permission "仅管理端可读写"):
 *
 * - `ess_org_registration_batches`: one submission, keyed by a keyed hash of (operator, request
 *   key or normalised payload); the state of each chunk of at most 10 enterprises sent to ESS. It
 *   is what makes a retried submission answer the stored TaskIds instead of registering twice.
 * - `ess_org_registration_held`: the enterprises an operator sent without an answer, keyed by a
 *   keyed hash of (operator, credit code) (see `heldCodes.ts`), so that a new submission of
 *   theirs does not send them again either.
 * - `ess_org_registration_tasks`: one ESS registration task, keyed by TaskId: who created it.
 * - `ess_org_registration_subtasks`: one enterprise of a task, keyed by SubTaskId: who created
 *   it and in which task (recorded when ESS first answers it in the task's links).
 *
 * `owner` is always the operator's OPENID. No personal data is stored: no names, mobiles or ID
 * numbers, only hashes, ESS ids, counts and enterprises' unified social credit codes.
 */

export const REGISTRATION_BATCHES_COLLECTION = 'ess_org_registration_batches';
export const REGISTRATION_HELD_COLLECTION = 'ess_org_registration_held';
export const REGISTRATION_TASKS_COLLECTION = 'ess_org_registration_tasks';
export const REGISTRATION_SUBTASKS_COLLECTION = 'ess_org_registration_subtasks';

/** Every collection the enterprise functions use (for the deploy documentation and its test). */
export const REGISTRATION_COLLECTIONS = [
  REGISTRATION_BATCHES_COLLECTION,
  REGISTRATION_HELD_COLLECTION,
  REGISTRATION_TASKS_COLLECTION,
  REGISTRATION_SUBTASKS_COLLECTION,
] as const;

/**
 * One chunk of a submission (one ESS CreateBatchOrganizationRegistrationTasks call):
 * - `pending`: not sent, or ESS answered that it did nothing (an error, or row problems);
 * - `inFlight`: being sent since `since` (ms), outcome not known yet;
 * - `unconfirmed`: sent, but no answer came (time-out, connection lost): ESS may have created
 *   the task, so it is not sent again automatically;
 * - `submitted`: ESS created task `taskId`.
 */
export type ChunkRecord =
  | { state: 'pending' }
  | { state: 'inFlight'; since: number }
  | { state: 'unconfirmed'; since: number; essCode: string }
  | {
      state: 'submitted';
      taskId: string;
      /** ESS's messages for the chunk's enterprises ('' = no problem), in order. */
      errorMessages: string[];
      essRequestId?: string;
      submittedAt: number;
    };

/**
 * The claim of the invocation sending a batch's chunks: `holder` (a random id per invocation)
 * since `since` (ms), renewed with every write of the batch and removed when it is done. Another
 * invocation finding a fresh lease held by someone else sends nothing (`IN_PROGRESS`).
 */
export interface BatchLease {
  holder: string;
  since: number;
}

export interface RegistrationBatchRecord {
  owner: string;
  /** Keyed hash of the normalised payload: a request key reused for other rows is refused. */
  payloadHash: string;
  organizationCount: number;
  /**
   * Rows (indexes into the submitted list) not sent with this batch because an earlier submission
   * of the same owner sent them without an answer (see `HeldCodeRecord`); decided when the batch
   * was created and answered `unconfirmed` on every replay. Absent: none (older records too).
   */
  heldRows?: number[];
  /** In input order over the rows sent (all rows but `heldRows`), 10 per chunk. */
  chunks: ChunkRecord[];
  /** Present while an invocation is sending the batch's chunks. */
  lease?: BatchLease;
  createdAt: number;
  updatedAt: number;
}

export interface RegistrationTaskRecord {
  /** OPENID of the operator who submitted it. */
  owner: string;
  /** The subsidiary it was created for (`Agent.ProxyOrganizationId`): its links are read so. */
  proxyOrganizationId?: string;
  batchKey: string;
  chunkIndex: number;
  organizationCount: number;
  createdAt: number;
  /** The task's sub-tasks recorded so far (added to on every read of its links). */
  subTaskIds?: string[];
  /** When ESS first answered the task's links complete. */
  readyAt?: number;
}

export interface RegistrationSubTaskRecord {
  owner: string;
  taskId: string;
  /** The enterprise, as ESS names it (public registration data): places ESS's messages. */
  organizationName?: string;
  recordedAt: number;
}

/**
 * An enterprise (credit code `code`) that `owner` sent to ESS without knowing the outcome, kept in
 * `ess_org_registration_held` under a keyed hash of (owner, code). Written before the chunk's ESS
 * call (`inFlight`) and deleted once ESS answered (task created, or nothing done); left when no
 * answer came (`unconfirmed`, or an `inFlight` older than the in-flight time-out: the invocation
 * died). While it is there (until `expiresAt`, the registration links' lifetime), no submission
 * of that owner sends the enterprise again unless it lists the code in `confirmedNotSubmitted`.
 */
export interface HeldCodeRecord {
  owner: string;
  /** Unified social credit code (an enterprise's public registration number, not personal). */
  code: string;
  state: 'inFlight' | 'unconfirmed';
  /** When it was marked `state` (ms). */
  since: number;
  /** Ignored (and deleted when read) from then on (ms). */
  expiresAt: number;
}
