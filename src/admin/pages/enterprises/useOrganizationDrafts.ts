import { useCallback, useMemo, useRef, useState } from 'react';
import type { OrganizationField, RowError } from '../../../domain/organizationContract';
import { normalizeCreditCode } from '../../../domain/creditCode';
import {
  checkOrganizationRows,
  normalizeOrganizationName,
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

/** An enterprise held back, as remembered on the device (name and credit code only). */
export interface RememberedHeld {
  organizationName: string;
  uniformSocialCreditCode: string;
}

export interface OrganizationDrafts {
  drafts: OrganizationDraft[];
  /** The rows that will be submitted (blank and held ones are left out), in order. */
  filled: OrganizationDraft[];
  /** Rows held back: sent once without an answer, ESS may have registered them. */
  heldKeys: readonly string[];
  isHeld: (key: string) => boolean;
  /** Holds these rows back from submission until `release`d (or removed). */
  hold: (keys: readonly string[]) => void;
  /** The admin has checked in the ESS console that these rows were not registered. */
  release: (keys: readonly string[]) => void;
  /**
   * Held enterprises remembered on the device whose row is not on the page (after a reload):
   * pasting them again makes their rows held; rows typed with their name or code are refused.
   */
  heldWithoutRow: readonly RememberedHeld[];
  /** The normalised credit code of a row ('' when none). */
  codeOf: (key: string) => string;
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
  /** Removes these rows (the ones ESS took); one blank row is left when none remains. */
  drop: (keys: readonly string[]) => void;
}

const heldClashMessage = (position: number) =>
  `与待核对的第${position}家企业相同，可能已提交成功：请先到腾讯电子签控制台核对，确认未提交后在第${position}家企业处确认，不要重复添加`;
const rememberedClashMessage = (name: string) =>
  `与待核对的企业“${name}”相同，可能已提交成功：请先到腾讯电子签控制台核对，确认未提交后在“待核对的企业”中确认`;

/** A held enterprise, and what a row that is the same enterprise is told. */
interface HeldIdentity {
  organizationName: string;
  uniformSocialCreditCode: string;
  message: string;
}

const identityKeys = (values: RememberedHeld): string[] => {
  const name = normalizeOrganizationName(values.organizationName);
  const code = normalizeCreditCode(values.uniformSocialCreditCode);
  return [...(name ? [`name:${name}`] : []), ...(code ? [`code:${code}`] : [])];
};

/**
 * `check` with an error on every row that is the same enterprise (name or credit code) as a
 * held one: pasting the list again must not send the enterprises held back a second time.
 */
function withHeldClashes(
  check: OrganizationRowsCheck,
  filled: readonly OrganizationDraft[],
  held: readonly HeldIdentity[],
): OrganizationRowsCheck {
  if (held.length === 0) return check;
  const heldMessages = new Map<string, string>();
  for (const identity of [...held].reverse()) {
    for (const key of identityKeys(identity)) heldMessages.set(key, identity.message);
  }
  const clashes = new Map<number, string>();
  filled.forEach((draft, index) => {
    const message = identityKeys(draft.values)
      .map((key) => heldMessages.get(key))
      .find(Boolean);
    if (message) clashes.set(index, message);
  });
  if (clashes.size === 0) return check;
  const rowErrors: RowError[] = check.ok ? [] : [...check.rowErrors];
  for (const [index, message] of clashes) {
    const existing = rowErrors.findIndex((error) => error.index === index);
    const fields = { row: message };
    if (existing >= 0) {
      rowErrors[existing] = {
        index,
        fields: { ...rowErrors[existing].fields, ...fields },
      };
    } else rowErrors.push({ index, fields });
  }
  rowErrors.sort((a, b) => a.index - b.index);
  return {
    ok: false,
    rowErrors,
    ...(!check.ok && check.message ? { message: check.message } : {}),
  };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

/** The pasted rows to hold: the first one of each remembered held enterprise (name or code). */
function rowsToHold(
  pasted: readonly OrganizationDraft[],
  remembered: readonly RememberedHeld[],
): string[] {
  const keys: string[] = [];
  for (const entry of remembered) {
    const entryKeys = identityKeys(entry);
    const match = pasted.find(
      (draft) =>
        !keys.includes(draft.key) && identityKeys(draft.values).some((k) => entryKeys.includes(k)),
    );
    if (match) keys.push(match.key);
  }
  return keys;
}

/**
 * The enterprises being entered. A row's messages show once it was pasted, left (editor
 * closed) or submitted; in the editor, a field's message shows once the field was left.
 * `remembered`: the held enterprises remembered on the device (see `heldWithoutRow`).
 */
export function useOrganizationDrafts(
  batchAuthMethod: 0 | 1,
  remembered: readonly RememberedHeld[] = [],
): OrganizationDrafts {
  const [initial] = useState(() => newDraft());
  const [drafts, setDrafts] = useState<OrganizationDraft[]>([initial]);
  const [editingKey, setEditingKey] = useState<string | null>(initial.key);
  const [revealed, setRevealed] = useState<KeySet>({});
  const [visited, setVisited] = useState<Readonly<Record<string, Partial<KeySet>>>>({});
  const [serverErrors, setServerErrorsState] = useState<ErrorsByKey>({});
  const [held, setHeld] = useState<KeySet>({});

  const filled = useMemo(
    () => drafts.filter((draft) => !isBlankDraft(draft) && !held[draft.key]),
    [drafts, held],
  );
  const heldKeys = useMemo(
    () => drafts.filter((draft) => held[draft.key]).map((draft) => draft.key),
    [drafts, held],
  );
  const isHeld = useCallback((key: string) => !!held[key], [held]);
  const heldWithoutRow = useMemo(() => {
    const heldCodes = new Set(
      drafts
        .filter((draft) => held[draft.key])
        .map((draft) => normalizeCreditCode(draft.values.uniformSocialCreditCode)),
    );
    return remembered.filter(
      (entry) => !heldCodes.has(normalizeCreditCode(entry.uniformSocialCreditCode)),
    );
  }, [drafts, held, remembered]);
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
            held[draft.key] ? [{ ...draft.values, message: heldClashMessage(index + 1) }] : [],
          ),
          ...heldWithoutRow.map((entry) => ({
            ...entry,
            message: rememberedClashMessage(entry.organizationName),
          })),
        ],
      ),
    [filled, drafts, held, heldWithoutRow, batchAuthMethod],
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
    setHeld((current) => (current[key] ? without(current, key) : current));
  }, []);

  const hold = useCallback((keys: readonly string[]) => {
    if (keys.length === 0) return;
    setHeld((current) => {
      const next = { ...current };
      for (const key of keys) next[key] = true;
      return next;
    });
    setEditingKey((current) => (current && keys.includes(current) ? null : current));
  }, []);

  const release = useCallback((keys: readonly string[]) => {
    setHeld((current) => {
      const next = { ...current };
      for (const key of keys) delete next[key];
      return next;
    });
  }, []);

  const paste = useCallback(
    (text: string): number => {
      const pasted = draftsFromTable(parseTableText(text));
      if (pasted.length === 0) return 0;
      setDrafts((current) => [...current.filter((draft) => !isBlankDraft(draft)), ...pasted]);
      setEditingKey(null);
      reveal(pasted.map((draft) => draft.key));
      // Held enterprises remembered from before a reload: their rows are held again.
      hold(rowsToHold(pasted, heldWithoutRow));
      return pasted.length;
    },
    [reveal, hold, heldWithoutRow],
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

  // The rows as last rendered, for `drop` called after an await.
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  const codeOf = useCallback(
    (key: string) => {
      const draft = drafts.find((candidate) => candidate.key === key);
      return draft ? normalizeCreditCode(draft.values.uniformSocialCreditCode) : '';
    },
    [drafts],
  );

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

  return {
    drafts,
    filled,
    heldKeys,
    isHeld,
    hold,
    release,
    heldWithoutRow,
    codeOf,
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
    drop,
  };
}
