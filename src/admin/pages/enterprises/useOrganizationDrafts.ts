import { useCallback, useEffect, useMemo, useState } from 'react';
import { normalizeCreditCode } from '../../../domain/creditCode';
import type { OrganizationField, RowError } from '../../../domain/organizationContract';
import {
  checkOrganizationRows,
  type OrganizationRowsCheck,
  type RowFieldErrors,
} from '../../../domain/organizationInput';
import type { HeldEnterprises } from '../../hooks/useHeldEnterprises';
import { rowsToBind, withHeldClashes, type HeldIdentity } from '../../lib/heldPolicy';
import { isBlankDraft, toRowInput, type OrganizationDraft } from '../../lib/organizationDrafts';
import { useDraftRows } from './useDraftRows';
import { useRowMessages } from './useRowMessages';

export interface OrganizationDrafts {
  drafts: OrganizationDraft[];
  /** The rows that will be submitted (blank and held ones are left out), in order. */
  filled: OrganizationDraft[];
  /** Rows with something typed in, held ones included. */
  nonBlankCount: number;
  /** Rows held back (sent once without an answer: ESS may have registered them). */
  heldKeys: readonly string[];
  isHeld: (key: string) => boolean;
  /** Held enterprises whose row is not on the page (after a reload, on another device). */
  heldWithoutRow: readonly HeldIdentity[];
  /** The normalised credit code of a row ('' when none). */
  codeOf: (key: string) => string;
  /** The shared validator's verdict on `filled` (with duplicates and held clashes). */
  check: OrganizationRowsCheck;
  editingKey: string | null;
  /** The messages to show on a row, by field (`row` for the whole row). */
  errorsOf: (key: string) => RowFieldErrors;
  setValue: (key: string, field: OrganizationField, value: string) => void;
  blur: (key: string, field: OrganizationField) => void;
  edit: (key: string | null) => void;
  add: () => void;
  /** Removes a row; a held row's enterprise is forgotten (found registered in the console). */
  remove: (key: string) => void;
  /** Adds the rows of a pasted table; returns how many. */
  paste: (text: string) => number;
  /** Shows every row's messages (after a submit attempt). */
  revealAll: () => void;
  /** Problems the server found, by row index into `rows`; shown until the field is edited. */
  setServerErrors: (rows: readonly OrganizationDraft[], rowErrors: readonly RowError[]) => void;
  /** Removes these rows (the ones ESS took). */
  drop: (keys: readonly string[]) => void;
  /** Removes every row, and what the device keeps of them. */
  clear: () => void;
}

const heldClashMessage = (position: number) =>
  `与待核对的第${position}家企业相同，可能已提交成功：请先到腾讯电子签控制台核对，确认未提交后在第${position}家企业处确认，不要重复添加`;
const rememberedClashMessage = (name: string) =>
  `与待核对的企业“${name}”相同，可能已提交成功：请先到腾讯电子签控制台核对，确认未提交后在“待核对的企业”中确认`;

/**
 * The enterprises being entered: the rows (`useDraftRows`), when their messages show
 * (`useRowMessages`), and the held-row policy (`heldPolicy.ts`) over the one source of truth
 * about held enterprises (`useHeldEnterprises`).
 */
export function useOrganizationDrafts(
  batchAuthMethod: 0 | 1,
  held: HeldEnterprises,
): OrganizationDrafts {
  const messages = useRowMessages();
  const { reveal } = messages;
  const leave = useCallback((key: string) => reveal([key]), [reveal]);
  const rows = useDraftRows(leave);
  const { drafts } = rows;

  // Rows brought back from the device were entered before: their messages show at once.
  const [restored] = useState(() =>
    drafts.filter((draft) => !isBlankDraft(draft)).map((draft) => draft.key),
  );
  useEffect(() => reveal(restored), [restored, reveal]);

  const keys = useMemo(() => drafts.map((draft) => draft.key), [drafts]);
  const { isHeld } = held;
  const heldKeys = useMemo(() => keys.filter(isHeld), [keys, isHeld]);
  const heldWithoutRow = useMemo(() => held.withoutRow(keys), [held, keys]);
  const filled = useMemo(
    () => drafts.filter((draft) => !isBlankDraft(draft) && !isHeld(draft.key)),
    [drafts, isHeld],
  );
  const nonBlankCount = useMemo(() => drafts.filter((d) => !isBlankDraft(d)).length, [drafts]);

  const check = useMemo(
    () =>
      withHeldClashes(
        checkOrganizationRows(
          filled.map((draft) => toRowInput(draft.values)),
          { batchAuthMethod },
        ),
        filled,
        [
          ...drafts.flatMap((draft, index) =>
            isHeld(draft.key) ? [{ ...draft.values, message: heldClashMessage(index + 1) }] : [],
          ),
          ...heldWithoutRow.map((entry) => ({
            ...entry,
            message: rememberedClashMessage(entry.organizationName),
          })),
        ],
      ),
    [filled, drafts, isHeld, heldWithoutRow, batchAuthMethod],
  );
  const problems = useMemo(() => {
    const byKey: Record<string, RowFieldErrors> = {};
    if (!check.ok) {
      for (const { index, fields } of check.rowErrors) byKey[filled[index].key] = fields;
    }
    return byKey;
  }, [check, filled]);

  const { shown, edited } = messages;
  const errorsOf = useCallback((key: string) => shown(key, problems[key] ?? {}), [shown, problems]);

  const codeOf = useCallback(
    (key: string) => {
      const draft = drafts.find((candidate) => candidate.key === key);
      return draft ? normalizeCreditCode(draft.values.uniformSocialCreditCode) : '';
    },
    [drafts],
  );

  const { setValue: setRowValue, remove: removeRow, paste: pasteRows, clear: clearRows } = rows;
  const setValue = useCallback(
    (key: string, field: OrganizationField, value: string) => {
      setRowValue(key, field, value);
      edited(key, field);
    },
    [setRowValue, edited],
  );

  const remove = useCallback(
    (key: string) => {
      if (isHeld(key)) held.forget([codeOf(key)]);
      removeRow(key);
    },
    [isHeld, held, codeOf, removeRow],
  );

  const paste = useCallback(
    (text: string): number => {
      const pasted = pasteRows(text);
      reveal(pasted.map((draft) => draft.key));
      // Held enterprises whose rows are gone: rows pasted again stand for them, held.
      held.bind(rowsToBind(pasted, heldWithoutRow));
      return pasted.length;
    },
    [pasteRows, reveal, held, heldWithoutRow],
  );

  const revealAll = useCallback(() => reveal(keys), [keys, reveal]);

  return {
    drafts,
    filled,
    nonBlankCount,
    heldKeys,
    isHeld,
    heldWithoutRow,
    codeOf,
    check,
    editingKey: rows.editingKey,
    errorsOf,
    setValue,
    blur: messages.blur,
    edit: rows.edit,
    add: rows.add,
    remove,
    paste,
    revealAll,
    setServerErrors: messages.setServerErrors,
    drop: rows.drop,
    // Held enterprises stay held (by name and code) without their rows.
    clear: clearRows,
  };
}
