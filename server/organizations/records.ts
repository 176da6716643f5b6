/**
 * What the server remembers about enterprise batch registration, in three collections (in the
 * WeChat cloud, create them in the console with permission "仅管理端可读写"):
 *
 * - `ess_org_registration_batches`: one submission, keyed by a keyed hash of (caller, request key
 *   or normalised payload); the state of each chunk of at most 10 enterprises sent to ESS. It is
 *   what makes a retried submission answer the stored TaskIds instead of registering twice.
 * - `ess_org_registration_tasks`: one ESS registration task, keyed by TaskId: who created it.
 * - `ess_org_registration_subtasks`: one enterprise of a task, keyed by SubTaskId: who created
 *   it and in which task (recorded when ESS first answers it in the task's links).
 *
 * No personal data is stored: no names, mobiles or ID numbers, only hashes, ESS ids and counts.
 */

export const REGISTRATION_BATCHES_COLLECTION = 'ess_org_registration_batches';
export const REGISTRATION_TASKS_COLLECTION = 'ess_org_registration_tasks';
export const REGISTRATION_SUBTASKS_COLLECTION = 'ess_org_registration_subtasks';

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
  /** In input order; chunk i holds enterprises 10·i … 10·i+9. */
  chunks: ChunkRecord[];
  /** Present while an invocation is sending the batch's chunks. */
  lease?: BatchLease;
  createdAt: number;
  updatedAt: number;
}

export interface RegistrationTaskRecord {
  /** OPENID of the admin who submitted it. */
  owner: string;
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
  recordedAt: number;
}
