/**
 * ESS's `ErrorMessages` of CreateBatchOrganizationAuthorizationUrl are free text about the
 * sub-tasks it filtered out; they usually name the SubTaskId or the enterprise. The server places
 * each message with the sub-task it names (by its id, else the enterprise's name), or among the
 * others when it names none: the pages show them where they belong without reading ESS's text.
 */
export interface SubTaskRef {
  subTaskId: string;
  organizationName: string;
}

export interface AssignedMessages {
  bySubTask: Record<string, string[]>;
  others: string[];
}

export function assignMessages(
  messages: readonly string[],
  subTasks: readonly SubTaskRef[],
): AssignedMessages {
  const assigned: AssignedMessages = { bySubTask: {}, others: [] };
  for (const message of messages) {
    if (!message.trim()) continue;
    const target =
      subTasks.find((task) => task.subTaskId && message.includes(task.subTaskId)) ??
      subTasks.find((task) => task.organizationName && message.includes(task.organizationName));
    if (target) (assigned.bySubTask[target.subTaskId] ??= []).push(message);
    else assigned.others.push(message);
  }
  return assigned;
}
