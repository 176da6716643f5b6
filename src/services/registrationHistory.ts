/**
 * The admin's recent registration tasks, kept on the device so leaving the page loses nothing.
 * Only task ids and enterprise names are stored: no personal data (legal or admin names,
 * mobiles, ID numbers) ever reaches local storage.
 */
import Taro from '@tarojs/taro';

export interface RememberedRegistration {
  /** ms since epoch */
  submittedAt: number;
  /** ESS registration tasks (one per chunk of at most 10 enterprises). */
  taskIds: string[];
  /** The enterprises ESS accepted, in submission order. */
  organizationNames: string[];
}

const STORAGE_KEY = 'essAdmin.lastRegistration.v1';

/** ESS registration links live 7 days: older submissions are not added to. */
export const REGISTRATION_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** At most this many tasks (up to 300 enterprises) are remembered and followed at once. */
export const MAX_REMEMBERED_TASKS = 30;

/**
 * The registration to remember after `next` was submitted: `next` added to `current` (the rest of
 * the same rows submitted again after a partial answer, say), so that no accepted task is
 * forgotten; or `next` alone when `current` was first submitted longer ago than the links'
 * lifetime, or would grow past `MAX_REMEMBERED_TASKS`.
 */
export function addSubmission(
  current: RememberedRegistration | null,
  next: RememberedRegistration,
): RememberedRegistration {
  if (
    !current ||
    next.submittedAt - current.submittedAt >= REGISTRATION_LINK_LIFETIME_MS ||
    current.taskIds.length + next.taskIds.length > MAX_REMEMBERED_TASKS
  ) {
    return next;
  }
  const newTaskIds = next.taskIds.filter((taskId) => !current.taskIds.includes(taskId));
  if (newTaskIds.length === 0) return current;
  return {
    // The first submission's time: the whole is forgotten once its oldest links have expired.
    submittedAt: current.submittedAt,
    taskIds: [...current.taskIds, ...newTaskIds],
    organizationNames: [...current.organizationNames, ...next.organizationNames],
  };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function rememberRegistration(registration: RememberedRegistration): void {
  // Exactly these three fields, whatever else the caller's object carries.
  const stored: RememberedRegistration = {
    submittedAt: registration.submittedAt,
    taskIds: [...registration.taskIds],
    organizationNames: [...registration.organizationNames],
  };
  try {
    Taro.setStorageSync(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or unavailable: the page still works, it just will not remember.
  }
}

/** The last submitted registration, or null when none (or what is stored is unreadable). */
export function recallRegistration(): RememberedRegistration | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return null;
  }
  if (typeof raw !== 'string' || !raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<RememberedRegistration> | null;
    if (
      !parsed ||
      typeof parsed.submittedAt !== 'number' ||
      !isStringArray(parsed.taskIds) ||
      parsed.taskIds.length === 0 ||
      !isStringArray(parsed.organizationNames)
    ) {
      return null;
    }
    const { submittedAt, taskIds, organizationNames } = parsed;
    return { submittedAt, taskIds, organizationNames };
  } catch {
    return null;
  }
}

export function forgetRegistration(): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // nothing stored, or storage unavailable
  }
}
