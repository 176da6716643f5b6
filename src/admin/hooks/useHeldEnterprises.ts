import { useCallback, useMemo, useRef, useState } from 'react';
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
  /** Whether the row of this key stands for a held enterprise (it is never sent). */
  isHeld: (rowKey: string) => boolean;
  /** The held enterprises none of `rowKeys` stands for (their rows are gone, e.g. reload). */
  withoutRow: (rowKeys: readonly string[]) => HeldEnterprise[];
  /** Of `codes`, those the operator confirmed not submitted: sent as `confirmedNotSubmitted`. */
  confirmedAmong: (codes: readonly string[]) => string[];
  /** A submission answered these rows `unconfirmed`: hold them (with their rows). */
  hold: (enterprises: ReadonlyArray<Omit<HeldEnterprise, 'heldAt'>>) => void;
  /** Rows pasted again stand for these held enterprises: `[code, rowKey]`. */
  bind: (pairs: ReadonlyArray<[string, string]>) => void;
  /** The operator checked the ESS console: not registered. No longer held; sent as confirmed. */
  confirm: (codes: readonly string[]) => void;
  /** Submitted, or found registered in the console (row deleted): forgotten altogether. */
  forget: (codes: readonly string[]) => void;
}

/**
 * The one source of truth about held enterprises: what a submission sent without an answer (ESS
 * may have registered them), each with the row that stands for it, kept on the device so that a
 * reload does not turn them into ordinary rows; and the codes the operator has since confirmed as
 * not registered (for this visit of the page: after a reload, the server answers them held again
 * and the operator confirms once more).
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

  const heldKeys = useMemo(
    () => new Set(entries.flatMap((entry) => (entry.rowKey ? [entry.rowKey] : []))),
    [entries],
  );
  const isHeld = useCallback((rowKey: string) => heldKeys.has(rowKey), [heldKeys]);

  const withoutRow = useCallback(
    (rowKeys: readonly string[]) =>
      entries.filter((entry) => !entry.rowKey || !rowKeys.includes(entry.rowKey)),
    [entries],
  );

  const confirmedAmong = useCallback(
    (codes: readonly string[]) => [
      ...new Set(codes.map(normalizeCreditCode).filter((code) => confirmed.has(code))),
    ],
    [confirmed],
  );

  const dropConfirmed = useCallback(
    (codes: readonly string[]) => {
      if (codes.some((code) => confirmedRef.current.has(code))) {
        setConfirmedCodes(new Set([...confirmedRef.current].filter((c) => !codes.includes(c))));
      }
    },
    [setConfirmedCodes],
  );

  const hold = useCallback(
    (enterprises: ReadonlyArray<Omit<HeldEnterprise, 'heldAt'>>) => {
      if (enterprises.length === 0) return;
      const heldAt = Date.now();
      const added = enterprises.map((enterprise) => ({
        ...enterprise,
        uniformSocialCreditCode: normalizeCreditCode(enterprise.uniformSocialCreditCode),
        heldAt,
      }));
      save(addHeldEnterprises(entriesRef.current, added));
      // Held again: an earlier confirmation no longer stands.
      dropConfirmed(added.map((entry) => entry.uniformSocialCreditCode));
    },
    [save, dropConfirmed],
  );

  const bind = useCallback(
    (pairs: ReadonlyArray<[string, string]>) => {
      if (pairs.length === 0) return;
      const rowOf = new Map(pairs);
      save(
        entriesRef.current.map((entry) =>
          rowOf.has(entry.uniformSocialCreditCode)
            ? { ...entry, rowKey: rowOf.get(entry.uniformSocialCreditCode) }
            : entry,
        ),
      );
    },
    [save],
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
      dropConfirmed(normalized);
    },
    [save, dropConfirmed],
  );

  // One object per change, so that what callers derive from it (the row checks) is not redone on
  // every render of the page.
  return useMemo(
    () => ({ entries, isHeld, withoutRow, confirmedAmong, hold, bind, confirm, forget }),
    [entries, isHeld, withoutRow, confirmedAmong, hold, bind, confirm, forget],
  );
}
