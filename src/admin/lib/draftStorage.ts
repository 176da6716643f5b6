/**
 * The enterprises being entered, kept on this device until they are submitted, so that a reload
 * (or leaving the page) loses nothing. They hold personal data (legal representatives' and super
 * admins' names, mobiles, ID numbers), so they are kept as briefly as this needs: a row leaves
 * storage as soon as ESS takes it, everything goes with "清空列表", and what was saved more than
 * `DRAFT_LIFETIME_MS` ago is dropped unread.
 */
import Taro from '@tarojs/taro';
import { isBlankDraft, restoredDraft, type OrganizationDraft } from './organizationDrafts';

const STORAGE_KEY = 'essAdmin.drafts.v1';
/** Drafts are kept a day from when they were first saved, however often they change. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface StoredDrafts {
  /** When these drafts were first saved (kept across later saves: the day counts from it). */
  savedAt: number;
  drafts: Array<{ key: string; values: Record<string, string> }>;
}

/** Saves the rows (nothing when every row is blank: storage is cleared). */
export function saveDrafts(drafts: readonly OrganizationDraft[], now: number = Date.now()): void {
  try {
    const filled = drafts.filter((draft) => !isBlankDraft(draft));
    if (filled.length === 0) {
      Taro.removeStorageSync(STORAGE_KEY);
      return;
    }
    const stored: StoredDrafts = {
      savedAt: firstSavedAt(now) ?? now,
      drafts: filled.map(({ key, values }) => ({ key, values: { ...values } })),
    };
    Taro.setStorageSync(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or unavailable: the page still works, it just will not remember.
  }
}

/** When the drafts still kept were first saved, if they are within their lifetime. */
function firstSavedAt(now: number): number | null {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (typeof raw !== 'string' || !raw) return null;
    const { savedAt } = JSON.parse(raw) as Partial<StoredDrafts>;
    return typeof savedAt === 'number' && now - savedAt < DRAFT_LIFETIME_MS ? savedAt : null;
  } catch {
    return null;
  }
}

/** The rows saved within the last day, or [] (none, expired, unreadable). */
export function recallDrafts(now: number = Date.now()): OrganizationDraft[] {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return [];
  }
  if (typeof raw !== 'string' || !raw) return [];
  try {
    const parsed = JSON.parse(raw) as Partial<StoredDrafts> | null;
    if (!parsed || typeof parsed.savedAt !== 'number' || !Array.isArray(parsed.drafts)) return [];
    if (now - parsed.savedAt >= DRAFT_LIFETIME_MS) {
      forgetDrafts();
      return [];
    }
    return parsed.drafts
      .filter((draft) => typeof draft?.key === 'string' && typeof draft.values === 'object')
      .map((draft) => restoredDraft(draft.key, draft.values ?? {}))
      .filter((draft) => !isBlankDraft(draft));
  } catch {
    return [];
  }
}

export function forgetDrafts(): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // nothing stored, or storage unavailable
  }
}
