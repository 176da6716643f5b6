import { useCallback, useRef, useState } from 'react';
import { normalizeCreditCode } from '../../domain/creditCode';
import {
  addHeldEnterprises,
  recallHeldEnterprises,
  rememberHeldEnterprises,
  withoutHeldEnterprises,
  type HeldEnterprise,
} from '../../services/registrationHistory';

export interface HeldEnterprises {
  /** The enterprises held back, as remembered on this device (they survive a reload). */
  entries: readonly HeldEnterprise[];
  /** Of `codes`, those the admin confirmed not submitted: sent as `confirmedNotSubmitted`. */
  confirmedAmong: (codes: readonly string[]) => string[];
  /** A submission answered these `unconfirmed`: remember them. */
  hold: (enterprises: ReadonlyArray<Omit<HeldEnterprise, 'heldAt'>>) => void;
  /** The admin checked the ESS console: not registered. No longer held; sent as confirmed. */
  confirm: (codes: readonly string[]) => void;
  /** Submitted, or found registered in the console (row deleted): forgotten altogether. */
  forget: (codes: readonly string[]) => void;
}

/**
 * The enterprises a submission sent without an answer (ESS may have registered them), kept on
 * the device so that a reload does not turn them into ordinary rows; and the codes the admin has
 * since confirmed as not registered (for this visit of the page: after a reload, the server
 * answers them held again and the admin confirms once more).
 */
export function useHeldEnterprises(): HeldEnterprises {
  const [entries, setEntries] = useState<readonly HeldEnterprise[]>(() => recallHeldEnterprises());
  const entriesRef = useRef(entries);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(() => new Set());
  const confirmedRef = useRef(confirmed);

  const save = useCallback((next: readonly HeldEnterprise[]) => {
    entriesRef.current = next;
    setEntries(next);
    rememberHeldEnterprises(next);
  }, []);

  const setConfirmedCodes = useCallback((next: ReadonlySet<string>) => {
    confirmedRef.current = next;
    setConfirmed(next);
  }, []);

  const confirmedAmong = useCallback(
    (codes: readonly string[]) => [
      ...new Set(codes.map(normalizeCreditCode).filter((code) => confirmed.has(code))),
    ],
    [confirmed],
  );

  const hold = useCallback(
    (enterprises: ReadonlyArray<Omit<HeldEnterprise, 'heldAt'>>) => {
      if (enterprises.length === 0) return;
      const heldAt = Date.now();
      const added = enterprises.map((enterprise) => ({
        organizationName: enterprise.organizationName,
        uniformSocialCreditCode: normalizeCreditCode(enterprise.uniformSocialCreditCode),
        heldAt,
      }));
      save(addHeldEnterprises(entriesRef.current, added));
      // Held again: an earlier confirmation no longer stands.
      const codes = added.map((entry) => entry.uniformSocialCreditCode);
      if (codes.some((code) => confirmedRef.current.has(code))) {
        setConfirmedCodes(new Set([...confirmedRef.current].filter((c) => !codes.includes(c))));
      }
    },
    [save, setConfirmedCodes],
  );

  const confirm = useCallback(
    (codes: readonly string[]) => {
      const normalized = codes.map(normalizeCreditCode).filter(Boolean);
      if (normalized.length === 0) return;
      save(withoutHeldEnterprises(entriesRef.current, normalized));
      setConfirmedCodes(new Set([...confirmedRef.current, ...normalized]));
    },
    [save, setConfirmedCodes],
  );

  const forget = useCallback(
    (codes: readonly string[]) => {
      const normalized = codes.map(normalizeCreditCode).filter(Boolean);
      if (normalized.length === 0) return;
      if (entriesRef.current.some((entry) => normalized.includes(entry.uniformSocialCreditCode))) {
        save(withoutHeldEnterprises(entriesRef.current, normalized));
      }
      if (normalized.some((code) => confirmedRef.current.has(code))) {
        setConfirmedCodes(
          new Set([...confirmedRef.current].filter((code) => !normalized.includes(code))),
        );
      }
    },
    [save, setConfirmedCodes],
  );

  return { entries, confirmedAmong, hold, confirm, forget };
}
