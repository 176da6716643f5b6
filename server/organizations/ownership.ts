/**
 * Which admin (OPENID) created which registration task and sub-task: describe and authorize act
 * only on the caller's own. Someone else's id answers exactly like an unknown one.
 */
import type { DocumentStore } from '../store/documentStore';
import type { RegistrationSubTaskRecord, RegistrationTaskRecord } from './records';

export interface OwnershipStores {
  tasks: DocumentStore<RegistrationTaskRecord>;
  subTasks: DocumentStore<RegistrationSubTaskRecord>;
}

export function registrationOwnership({ tasks, subTasks }: OwnershipStores) {
  return {
    recordTask: (taskId: string, record: RegistrationTaskRecord) => tasks.put(taskId, record),

    /** Records the task unless already there (healing a write lost after the batch was saved). */
    async ensureTask(taskId: string, record: RegistrationTaskRecord): Promise<void> {
      if (!(await tasks.get(taskId))) await tasks.put(taskId, record);
    },

    /** The task if `owner` created it, else null. */
    async ownedTask(owner: string, taskId: string): Promise<RegistrationTaskRecord | null> {
      const task = await tasks.get(taskId);
      return task?.owner === owner ? task : null;
    },

    /**
     * Remembers the sub-tasks ESS has answered for the task so far: additive, so sub-tasks ESS
     * answers only on a later read are recorded too. Writes only what is new.
     */
    async recordSubTasks(
      taskId: string,
      task: RegistrationTaskRecord,
      subTaskIds: string[],
      now: number,
      complete: boolean,
    ): Promise<RegistrationTaskRecord> {
      const known = new Set(task.subTaskIds ?? []);
      const added = [...new Set(subTaskIds)].filter((id) => !known.has(id));
      const readyNow = complete && task.readyAt === undefined;
      if (added.length === 0 && !readyNow) return task;
      await Promise.all(
        added.map((id) => subTasks.put(id, { owner: task.owner, taskId, recordedAt: now })),
      );
      const updated: RegistrationTaskRecord = {
        ...task,
        subTaskIds: [...known, ...added],
        ...(readyNow ? { readyAt: now } : {}),
      };
      await tasks.put(taskId, updated);
      return updated;
    },

    /** The ids among `subTaskIds` that are unknown or were created by someone else. */
    async notOwnedSubTasks(owner: string, subTaskIds: string[]): Promise<string[]> {
      const records = await Promise.all(subTaskIds.map((id) => subTasks.get(id)));
      return subTaskIds.filter((_id, index) => records[index]?.owner !== owner);
    },
  };
}

export type RegistrationOwnership = ReturnType<typeof registrationOwnership>;
