import { useCallback, useMemo, useState } from 'react';
import type { OrganizationField, RowError } from '../../../domain/organizationContract';
import {
  checkOrganizationRows,
  type OrganizationRowsCheck,
  type RowFieldErrors,
} from '../../../domain/organizationInput';
import { parseTableText } from '../../lib/tableText';
import {
  draftsFromTable,
  isBlankDraft,
  newDraft,
  toRowInput,
  type OrganizationDraft,
} from '../../lib/organizationDrafts';

type KeySet = Readonly<Record<string, true>>;
type ErrorsByKey = Readonly<Record<string, RowFieldErrors>>;

export interface OrganizationDrafts {
  drafts: OrganizationDraft[];
  /** The rows that will be submitted (blank ones are left out), in order. */
  filled: OrganizationDraft[];
  /** The shared validator's verdict on `filled` (with duplicates across rows). */
  check: OrganizationRowsCheck;
  editingKey: string | null;
  /** The messages to show on a row, by field (`row` for the whole row). */
  errorsOf: (key: string) => RowFieldErrors;
  setValue: (key: string, field: OrganizationField, value: string) => void;
  blur: (key: string, field: OrganizationField) => void;
  edit: (key: string | null) => void;
  add: () => void;
  remove: (key: string) => void;
  /** Adds the rows of a pasted table; returns how many. */
  paste: (text: string) => number;
  /** Shows every row's messages (after a submit attempt). */
  revealAll: () => void;
  /** Problems the server found, by row index into `rows`; shown until the field is edited. */
  setServerErrors: (rows: readonly OrganizationDraft[], rowErrors: readonly RowError[]) => void;
  /** Keeps only these rows (the ones ESS did not accept), or one blank row when none. */
  keepOnly: (keys: readonly string[]) => void;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

/**
 * The enterprises being entered. A row's messages show once it was pasted, left (editor
 * closed) or submitted; in the editor, a field's message shows once the field was left.
 */
export function useOrganizationDrafts(batchAuthMethod: 0 | 1): OrganizationDrafts {
  const [initial] = useState(() => newDraft());
  const [drafts, setDrafts] = useState<OrganizationDraft[]>([initial]);
  const [editingKey, setEditingKey] = useState<string | null>(initial.key);
  const [revealed, setRevealed] = useState<KeySet>({});
  const [visited, setVisited] = useState<Readonly<Record<string, Partial<KeySet>>>>({});
  const [serverErrors, setServerErrorsState] = useState<ErrorsByKey>({});

  const filled = useMemo(() => drafts.filter((draft) => !isBlankDraft(draft)), [drafts]);
  const check = useMemo(
    () =>
      checkOrganizationRows(
        filled.map((draft) => toRowInput(draft.values)),
        { batchAuthMethod },
      ),
    [filled, batchAuthMethod],
  );
  const clientErrors = useMemo(() => {
    const byKey: Record<string, RowFieldErrors> = {};
    if (!check.ok) {
      for (const { index, fields } of check.rowErrors) byKey[filled[index].key] = fields;
    }
    return byKey;
  }, [check, filled]);

  const errorsOf = useCallback(
    (key: string): RowFieldErrors => {
      const shown: RowFieldErrors = {};
      const client = clientErrors[key] ?? {};
      for (const [field, message] of Object.entries(client) as [OrganizationField, string][]) {
        if (revealed[key] || visited[key]?.[field]) shown[field] = message;
      }
      return { ...shown, ...serverErrors[key] };
    },
    [clientErrors, revealed, visited, serverErrors],
  );

  const setValue = useCallback((key: string, field: OrganizationField, value: string) => {
    setDrafts((current) =>
      current.map((draft) =>
        draft.key === key && draft.values[field] !== value
          ? { ...draft, values: { ...draft.values, [field]: value } }
          : draft,
      ),
    );
    setServerErrorsState((current) => {
      const errors = current[key];
      if (!errors || (!errors[field] && !errors.row)) return current;
      // An ESS message about the whole row is about what was typed: it goes with any edit.
      const rest = { ...errors };
      delete rest[field];
      delete rest.row;
      return { ...current, [key]: rest };
    });
  }, []);

  const blur = useCallback((key: string, field: OrganizationField) => {
    setVisited((current) =>
      current[key]?.[field] ? current : { ...current, [key]: { ...current[key], [field]: true } },
    );
  }, []);

  const reveal = useCallback((keys: readonly string[]) => {
    setRevealed((current) => {
      const next = { ...current };
      for (const key of keys) next[key] = true;
      return next;
    });
  }, []);

  const edit = useCallback(
    (key: string | null) => {
      // The row being left shows its messages from now on.
      if (editingKey && editingKey !== key) reveal([editingKey]);
      setEditingKey(key);
    },
    [editingKey, reveal],
  );

  const add = useCallback(() => {
    const draft = newDraft();
    setDrafts((current) => [...current, draft]);
    edit(draft.key);
  }, [edit]);

  const remove = useCallback((key: string) => {
    setDrafts((current) => {
      const rest = current.filter((draft) => draft.key !== key);
      return rest.length > 0 ? rest : [newDraft()];
    });
    setEditingKey((current) => (current === key ? null : current));
    setServerErrorsState((current) => without(current, key));
  }, []);

  const paste = useCallback(
    (text: string): number => {
      const pasted = draftsFromTable(parseTableText(text));
      if (pasted.length === 0) return 0;
      setDrafts((current) => [...current.filter((draft) => !isBlankDraft(draft)), ...pasted]);
      setEditingKey(null);
      reveal(pasted.map((draft) => draft.key));
      return pasted.length;
    },
    [reveal],
  );

  const revealAll = useCallback(() => reveal(drafts.map((draft) => draft.key)), [drafts, reveal]);

  const setServerErrors = useCallback(
    (rows: readonly OrganizationDraft[], rowErrors: readonly RowError[]) => {
      const byKey: Record<string, RowFieldErrors> = {};
      for (const { index, fields } of rowErrors) {
        if (rows[index]) byKey[rows[index].key] = { ...byKey[rows[index].key], ...fields };
      }
      setServerErrorsState(byKey);
    },
    [],
  );

  const keepOnly = useCallback((keys: readonly string[]) => {
    const blank = newDraft();
    setDrafts((current) => {
      const kept = current.filter((draft) => keys.includes(draft.key));
      return kept.length > 0 ? kept : [blank];
    });
    setEditingKey(keys.length > 0 ? null : blank.key);
  }, []);

  return {
    drafts,
    filled,
    check,
    editingKey,
    errorsOf,
    setValue,
    blur,
    edit,
    add,
    remove,
    paste,
    revealAll,
    setServerErrors,
    keepOnly,
  };
}
