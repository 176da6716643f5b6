/**
 * Which operator (OPENID) created which registration task and sub-task: describe and authorize act
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
      found: ReadonlyArray<{ subTaskId: string; organizationName: string }>,
      now: number,
      complete: boolean,
    ): Promise<RegistrationTaskRecord> {
      const known = new Set(task.subTaskIds ?? []);
      const nameOf = new Map(found.map((row) => [row.subTaskId, row.organizationName]));
      const added = [...nameOf.keys()].filter((id) => id && !known.has(id));
      const readyNow = complete && task.readyAt === undefined;
      if (added.length === 0 && !readyNow) return task;
      await Promise.all(
        added.map((id) =>
          subTasks.put(id, {
            owner: task.owner,
            taskId,
            ...(nameOf.get(id) ? { organizationName: nameOf.get(id) } : {}),
            recordedAt: now,
          }),
        ),
      );
      const updated: RegistrationTaskRecord = {
        ...task,
        subTaskIds: [...known, ...added],
        ...(readyNow ? { readyAt: now } : {}),
      };
      await tasks.put(taskId, updated);
      return updated;
    },

    /**
     * Of `subTaskIds`, those `owner` created (with their enterprise's name, when recorded) and
     * those unknown or created by someone else.
     */
    async subTasksOf(owner: string, subTaskIds: string[]) {
      const records = await Promise.all(subTaskIds.map((id) => subTasks.get(id)));
      const owned: Array<{ subTaskId: string; organizationName: string }> = [];
      const notOwned: string[] = [];
      subTaskIds.forEach((subTaskId, index) => {
        const record = records[index];
        if (record?.owner === owner) {
          owned.push({ subTaskId, organizationName: record.organizationName ?? '' });
        } else notOwned.push(subTaskId);
      });
      return { owned, notOwned };
    },
  };
}

export type RegistrationOwnership = ReturnType<typeof registrationOwnership>;
