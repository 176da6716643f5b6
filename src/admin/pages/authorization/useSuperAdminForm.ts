import { useCallback, useMemo, useState } from 'react';
import {
  DEFAULT_ADMIN_ID_CARD_TYPE,
  checkAdminIdentity,
  type AdminIdentityCheck,
  type AdminIdentityErrors,
  type AdminIdentityField,
} from '../../../domain/adminIdentity';

export type AdminIdentityValues = Record<AdminIdentityField, string>;
type Flags = Partial<Record<AdminIdentityField, boolean>>;

export interface AdminIdentityForm {
  /** Exactly as typed; the check normalises. */
  values: AdminIdentityValues;
  /** The message to show under each field. */
  errors: AdminIdentityErrors;
  check: AdminIdentityCheck;
  setValue: (field: AdminIdentityField, value: string) => void;
  blur: (field: AdminIdentityField) => void;
  /** Shows every field's message (after a submit attempt). */
  revealAll: () => void;
}

/** The super admin's identity; a field's message shows once it was left or a submit was tried. */
export function useAdminIdentityForm(): AdminIdentityForm {
  const [values, setValues] = useState<AdminIdentityValues>({
    adminName: '',
    adminMobile: '',
    adminIdCardType: DEFAULT_ADMIN_ID_CARD_TYPE,
    adminIdCardNumber: '',
  });
  const [visited, setVisited] = useState<Flags>({});
  const [revealed, setRevealed] = useState(false);

  const setValue = useCallback((field: AdminIdentityField, value: string) => {
    setValues((current) => (current[field] === value ? current : { ...current, [field]: value }));
  }, []);
  const blur = useCallback((field: AdminIdentityField) => {
    setVisited((current) => (current[field] ? current : { ...current, [field]: true }));
  }, []);
  const revealAll = useCallback(() => setRevealed(true), []);

  const check = useMemo(() => checkAdminIdentity(values), [values]);
  const errors = useMemo(() => {
    if (check.ok) return {};
    const shown: AdminIdentityErrors = {};
    for (const [field, message] of Object.entries(check.errors) as [AdminIdentityField, string][]) {
      if (revealed || visited[field]) shown[field] = message;
    }
    return shown;
  }, [check, revealed, visited]);

  return { values, errors, check, setValue, blur, revealAll };
}
