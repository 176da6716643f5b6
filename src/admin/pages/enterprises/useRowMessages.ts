import { useCallback, useState } from 'react';
import type { OrganizationField, RowError } from '../../../domain/organizationContract';
import type { RowFieldErrors } from '../../../domain/organizationInput';
import type { OrganizationDraft } from '../../lib/organizationDrafts';

type KeySet = Readonly<Record<string, true>>;

export interface RowMessages {
  /**
   * The messages to show on a row, from the validator's `problems` of that row: a row's messages
   * show once it was pasted, left (editor closed) or submitted; in the editor, a field's once the
   * field was left. The server's show until the field (or, for the whole row, any field) is edited.
   */
  shown: (key: string, problems: RowFieldErrors) => RowFieldErrors;
  blur: (key: string, field: OrganizationField) => void;
  /** Shows every message of these rows from now on. */
  reveal: (keys: readonly string[]) => void;
  /** Problems the server found, by row index into `rows` (replacing earlier ones). */
  setServerErrors: (rows: readonly OrganizationDraft[], rowErrors: readonly RowError[]) => void;
  /** A field was edited: the server's message about it (and about the whole row) goes. */
  edited: (key: string, field: OrganizationField) => void;
}

/** When each row's messages show (the timing, not the rules: those are the validator's). */
export function useRowMessages(): RowMessages {
  const [revealed, setRevealed] = useState<KeySet>({});
  const [visited, setVisited] = useState<Readonly<Record<string, Partial<KeySet>>>>({});
  const [serverErrors, setServerErrorsState] = useState<Readonly<Record<string, RowFieldErrors>>>(
    {},
  );

  const shown = useCallback(
    (key: string, problems: RowFieldErrors): RowFieldErrors => {
      const visible: RowFieldErrors = {};
      for (const [field, message] of Object.entries(problems) as [OrganizationField, string][]) {
        if (revealed[key] || visited[key]?.[field]) visible[field] = message;
      }
      return { ...visible, ...serverErrors[key] };
    },
    [revealed, visited, serverErrors],
  );

  const blur = useCallback((key: string, field: OrganizationField) => {
    setVisited((current) =>
      current[key]?.[field] ? current : { ...current, [key]: { ...current[key], [field]: true } },
    );
  }, []);

  const reveal = useCallback((keys: readonly string[]) => {
    if (keys.length === 0) return;
    setRevealed((current) => {
      const next = { ...current };
      for (const key of keys) next[key] = true;
      return next;
    });
  }, []);

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

  const edited = useCallback((key: string, field: OrganizationField) => {
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

  return { shown, blur, reveal, setServerErrors, edited };
}
