import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrganizationField } from '../../../domain/organizationContract';
import { forgetDrafts, recallDrafts, saveDrafts } from '../../lib/draftStorage';
import {
  draftsFromTable,
  isBlankDraft,
  newDraft,
  type OrganizationDraft,
} from '../../lib/organizationDrafts';
import { parseTableText } from '../../lib/tableText';

export interface DraftRows {
  drafts: OrganizationDraft[];
  /** The row whose fields are open (one at a time), or null. */
  editingKey: string | null;
  setValue: (key: string, field: OrganizationField, value: string) => void;
  edit: (key: string | null) => void;
  add: () => void;
  remove: (key: string) => void;
  /** Adds the rows of a pasted table (replacing blank ones); answers them. */
  paste: (text: string) => OrganizationDraft[];
  /** Removes these rows (the ones ESS took); one blank row is left when none remains. */
  drop: (keys: readonly string[]) => void;
  /** Removes every row (and what is stored of them). */
  clear: () => void;
}

/**
 * The rows as typed or pasted, one open for editing at a time, kept on the device until they are
 * submitted (`draftStorage.ts`): a reload brings them back. `onLeave` is told which row's editor
 * was closed (its messages show from then on).
 */
export function useDraftRows(onLeave: (key: string) => void): DraftRows {
  const [initial] = useState(() => {
    const restored = recallDrafts();
    return restored.length > 0 ? restored : [newDraft()];
  });
  const [drafts, setDrafts] = useState<OrganizationDraft[]>(initial);
  const [editingKey, setEditingKey] = useState<string | null>(
    initial.length === 1 && isBlankDraft(initial[0]) ? initial[0].key : null,
  );

  // Every change is saved (blank rows are not); opening the page is not a change.
  useEffect(() => {
    if (drafts !== initial) saveDrafts(drafts);
  }, [drafts, initial]);

  // The rows as last rendered, for `drop` called after an await.
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  const setValue = useCallback((key: string, field: OrganizationField, value: string) => {
    setDrafts((current) =>
      current.map((draft) =>
        draft.key === key && draft.values[field] !== value
          ? { ...draft, values: { ...draft.values, [field]: value } }
          : draft,
      ),
    );
  }, []);

  const edit = useCallback(
    (key: string | null) => {
      if (editingKey && editingKey !== key) onLeave(editingKey);
      setEditingKey(key);
    },
    [editingKey, onLeave],
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
  }, []);

  const paste = useCallback((text: string): OrganizationDraft[] => {
    const pasted = draftsFromTable(parseTableText(text));
    if (pasted.length === 0) return [];
    setDrafts((current) => [...current.filter((draft) => !isBlankDraft(draft)), ...pasted]);
    setEditingKey(null);
    return pasted;
  }, []);

  const drop = useCallback((keys: readonly string[]) => {
    if (keys.length === 0) return;
    if (draftsRef.current.every((draft) => keys.includes(draft.key))) {
      const blank = newDraft();
      setDrafts([blank]);
      setEditingKey(blank.key);
      return;
    }
    setDrafts((current) => current.filter((draft) => !keys.includes(draft.key)));
    setEditingKey((current) => (current && keys.includes(current) ? null : current));
  }, []);

  const clear = useCallback(() => {
    const blank = newDraft();
    forgetDrafts();
    setDrafts([blank]);
    setEditingKey(blank.key);
  }, []);

  return { drafts, editingKey, setValue, edit, add, remove, paste, drop, clear };
}
