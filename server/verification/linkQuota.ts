/**
 * The per-user quota on new ESS links (`ESS_LINK_QUOTA` per OPENID per 24 h): each new link is
 * billed against the company's paid verification package, so nobody may burn it by asking again
 * and again. A reused link costs nothing and does not count. The count is kept per OPENID, with
 * no personal data, and survives a withdrawal (it protects the package, not the person's data).
 */
import type { DocumentStore } from '../store/documentStore';

export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface LinkQuotaRecord {
  /** Unix ms of each new link taken within the window. */
  takenAt: number[];
}

export type QuotaTicket = { ok: true; takenAt: number } | { ok: false; retryAfterMs: number };

export function linkQuota(store: DocumentStore<LinkQuotaRecord>, limit: number) {
  const recent = (record: LinkQuotaRecord | null, now: number) =>
    (record?.takenAt ?? []).filter((at) => at > now - QUOTA_WINDOW_MS);

  return {
    /** Takes one new link from `openid`'s quota, or says when the oldest one frees up. */
    take(openid: string, now: number): Promise<QuotaTicket> {
      return store.transact<QuotaTicket>(openid, (record) => {
        const takenAt = recent(record, now);
        if (takenAt.length >= limit) {
          return { result: { ok: false, retryAfterMs: takenAt[0] + QUOTA_WINDOW_MS - now } };
        }
        return { result: { ok: true, takenAt: now }, write: { takenAt: [...takenAt, now] } };
      });
    },

    /** Gives a ticket back: ESS certainly made no link for it (it answered an error, or no turn). */
    refund(openid: string, takenAt: number): Promise<void> {
      return store.transact<void>(openid, (record) => {
        const list = record?.takenAt ?? [];
        const index = list.indexOf(takenAt);
        if (index < 0) return { result: undefined };
        return { result: undefined, write: { takenAt: list.filter((_, i) => i !== index) } };
      });
    },
  };
}
