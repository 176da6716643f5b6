/**
 * The operator's recent registration tasks, kept on the device so leaving the page loses nothing,
 * and the enterprises held back for a check in the ESS console (sent without an answer).
 * Only task ids, enterprise names, unified social credit codes and row keys are stored here: no
 * personal data (legal representatives' or super admins' names, mobiles, ID numbers). (Rows not
 * yet submitted are kept apart, for a day: `src/admin/lib/draftStorage.ts`.)
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

// ---------------------------------------------------------------------------------------------
// Enterprises held back (sent without an answer: ESS may have registered them)

/** An enterprise to check in the ESS console before it may be submitted again. */
export interface HeldEnterprise {
  organizationName: string;
  /** Normalised (as sent). */
  uniformSocialCreditCode: string;
  /** ms since epoch: when a submission answered it `unconfirmed`. */
  heldAt: number;
  /** The row (draft key) that stands for it on the page, if any: that row is held. */
  rowKey?: string;
}

const HELD_STORAGE_KEY = 'essAdmin.heldEnterprises.v1';
/** More than a few submissions' worth would be a list nobody checks; the oldest go first. */
export const MAX_HELD_ENTERPRISES = 200;

/**
 * `current` with `added` (replacing an entry of the same code), the newest last, at most
 * `MAX_HELD_ENTERPRISES`.
 */
export function addHeldEnterprises(
  current: readonly HeldEnterprise[],
  added: readonly HeldEnterprise[],
): HeldEnterprise[] {
  const addedCodes = new Set(added.map((entry) => entry.uniformSocialCreditCode));
  const next = [
    ...current.filter((entry) => !addedCodes.has(entry.uniformSocialCreditCode)),
    ...added,
  ];
  return next.slice(Math.max(0, next.length - MAX_HELD_ENTERPRISES));
}

/** `current` without the enterprises of these codes. */
export function withoutHeldEnterprises(
  current: readonly HeldEnterprise[],
  codes: readonly string[],
): HeldEnterprise[] {
  return current.filter((entry) => !codes.includes(entry.uniformSocialCreditCode));
}

const isHeldEnterprise = (value: unknown): value is HeldEnterprise => {
  const entry = value as Partial<HeldEnterprise> | null;
  return (
    !!entry &&
    typeof entry.organizationName === 'string' &&
    typeof entry.uniformSocialCreditCode === 'string' &&
    entry.uniformSocialCreditCode !== '' &&
    typeof entry.heldAt === 'number' &&
    (entry.rowKey === undefined || typeof entry.rowKey === 'string')
  );
};

/** Exactly the fields of a held enterprise, whatever else the object carries. */
const heldFields = ({
  organizationName,
  uniformSocialCreditCode,
  heldAt,
  rowKey,
}: HeldEnterprise): HeldEnterprise => ({
  organizationName,
  uniformSocialCreditCode,
  heldAt,
  ...(rowKey ? { rowKey } : {}),
});

/** Saves exactly these enterprises (nothing stored when none). */
export function rememberHeldEnterprises(entries: readonly HeldEnterprise[]): void {
  try {
    if (entries.length === 0) {
      Taro.removeStorageSync(HELD_STORAGE_KEY);
      return;
    }
    const stored: HeldEnterprise[] = entries.map(heldFields);
    Taro.setStorageSync(HELD_STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or unavailable: the server still holds them back.
  }
}

/**
 * The held enterprises saved on this device, without those held longer than the links' lifetime
 * (the server no longer holds them then either); [] when none or unreadable.
 */
export function recallHeldEnterprises(now: number = Date.now()): HeldEnterprise[] {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(HELD_STORAGE_KEY);
  } catch {
    return [];
  }
  if (typeof raw !== 'string' || !raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(isHeldEnterprise)
      .filter((entry) => now - entry.heldAt < REGISTRATION_LINK_LIFETIME_MS)
      .map(heldFields);
  } catch {
    return [];
  }
}
