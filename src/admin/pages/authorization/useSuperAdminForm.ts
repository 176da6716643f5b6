import { useCallback, useMemo, useState } from 'react';
import {
  DEFAULT_SUPER_ADMIN_ID_CARD_TYPE,
  checkSuperAdmin,
  type SuperAdminCheck,
  type SuperAdminErrors,
  type SuperAdminField,
} from '../../../domain/superAdminIdentity';

export type SuperAdminValues = Record<SuperAdminField, string>;
type Flags = Partial<Record<SuperAdminField, boolean>>;

export interface SuperAdminForm {
  /** Exactly as typed (or filled in); the check normalises. */
  values: SuperAdminValues;
  /** The message to show under each field. */
  errors: SuperAdminErrors;
  check: SuperAdminCheck;
  /** Whether the operator has typed into the form (then nothing fills it in for them). */
  typed: boolean;
  setValue: (field: SuperAdminField, value: string) => void;
  blur: (field: SuperAdminField) => void;
  /** Fills the form with a known super admin (what the tasks were created with). */
  fill: (values: Partial<SuperAdminValues>) => void;
  /** Shows every field's message (after a submit attempt). */
  revealAll: () => void;
  /** The server's messages by field; each goes when its field is edited. */
  setServerErrors: (errors: SuperAdminErrors) => void;
}

const EMPTY: SuperAdminValues = {
  superAdminName: '',
  superAdminMobile: '',
  superAdminIdCardType: DEFAULT_SUPER_ADMIN_ID_CARD_TYPE,
  superAdminIdCardNumber: '',
};

/** The super admin's identity; a field's message shows once it was left or a submit was tried. */
export function useSuperAdminForm(): SuperAdminForm {
  const [values, setValues] = useState<SuperAdminValues>(EMPTY);
  const [visited, setVisited] = useState<Flags>({});
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState(false);
  const [serverErrors, setServerErrors] = useState<SuperAdminErrors>({});

  const setValue = useCallback((field: SuperAdminField, value: string) => {
    setTyped(true);
    setValues((current) => (current[field] === value ? current : { ...current, [field]: value }));
    setServerErrors((current) => {
      if (!current[field]) return current;
      const rest = { ...current };
      delete rest[field];
      return rest;
    });
  }, []);
  const blur = useCallback((field: SuperAdminField) => {
    setVisited((current) => (current[field] ? current : { ...current, [field]: true }));
  }, []);
  const fill = useCallback((next: Partial<SuperAdminValues>) => {
    setValues({ ...EMPTY, ...next });
    setServerErrors({});
  }, []);
  const revealAll = useCallback(() => setRevealed(true), []);

  const check = useMemo(() => checkSuperAdmin(values), [values]);
  const errors = useMemo(() => {
    const shown: SuperAdminErrors = {};
    if (!check.ok) {
      for (const [field, message] of Object.entries(check.errors) as [SuperAdminField, string][]) {
        if (revealed || visited[field]) shown[field] = message;
      }
    }
    return { ...shown, ...serverErrors };
  }, [check, revealed, visited, serverErrors]);

  return { values, errors, check, typed, setValue, blur, fill, revealAll, setServerErrors };
}
