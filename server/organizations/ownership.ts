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

    /** Remembers a ready task's sub-tasks (once: the task then says it is done). */
    async recordSubTasks(
      taskId: string,
      task: RegistrationTaskRecord,
      subTaskIds: string[],
      now: number,
    ): Promise<void> {
      if (task.readyAt !== undefined) return;
      await Promise.all(
        subTaskIds.map((id) => subTasks.put(id, { owner: task.owner, taskId, recordedAt: now })),
      );
      await tasks.put(taskId, { ...task, subTaskIds, readyAt: now });
    },

    /** The ids among `subTaskIds` that are unknown or were created by someone else. */
    async notOwnedSubTasks(owner: string, subTaskIds: string[]): Promise<string[]> {
      const records = await Promise.all(subTaskIds.map((id) => subTasks.get(id)));
      return subTaskIds.filter((_id, index) => records[index]?.owner !== owner);
    },
  };
}

export type RegistrationOwnership = ReturnType<typeof registrationOwnership>;
