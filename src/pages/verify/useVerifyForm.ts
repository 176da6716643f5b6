import { useCallback, useMemo, useState } from 'react';
import {
  checkVerificationInput,
  verificationFieldChecks,
  type VerificationErrors,
  type VerificationField,
  type VerificationInput,
  type VerificationInputCheck,
} from '../../domain/verificationInput';
import { loadFormDraft } from '../../services/formDraft';

type Flags = Partial<Record<VerificationField, boolean>>;

/** The fields in the order the form shows them. */
export const FORM_FIELDS: readonly VerificationField[] = ['name', 'idCardNumber', 'mobile'];

/** Length (after normalising) at which a field is complete and is checked while typing. */
const COMPLETE_LENGTH: Partial<Record<VerificationField, number>> = {
  idCardNumber: 18,
  mobile: 11,
};

function isComplete(field: VerificationField, raw: string): boolean {
  const length = COMPLETE_LENGTH[field];
  return length !== undefined && verificationFieldChecks[field](raw).value.length >= length;
}

const EMPTY: VerificationInput = { name: '', idCardNumber: '', mobile: '' };

export interface VerifyForm {
  /** Exactly as typed (a lower-case x stays lower-case; the check normalises). */
  values: VerificationInput;
  /** The message to show under each field, if any. */
  errors: VerificationErrors;
  check: VerificationInputCheck;
  setValue: (field: VerificationField, value: string) => void;
  blur: (field: VerificationField, value: string) => void;
  /** Shows every field's message now (the user tapped submit before the form was complete). */
  revealAll: () => void;
  /** Messages from the server, shown until the field is edited. */
  setServerErrors: (errors: VerificationErrors) => void;
}

/**
 * The form's state. A field's message shows once it was left (blur) or once its value is
 * complete (18 characters of an ID number, 11 digits of a mobile), then follows the typing.
 * It starts from the draft kept while the user was away in ESS, if any (services/formDraft).
 */
export function useVerifyForm(): VerifyForm {
  const [values, setValues] = useState<VerificationInput>(() => loadFormDraft() ?? EMPTY);
  const [visited, setVisited] = useState<Flags>({});
  const [serverErrors, setServerErrors] = useState<VerificationErrors>({});

  const setValue = useCallback((field: VerificationField, value: string) => {
    setValues((current) => (current[field] === value ? current : { ...current, [field]: value }));
    setServerErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  const blur = useCallback(
    (field: VerificationField, value: string) => {
      setValue(field, value);
      setVisited((current) => (current[field] ? current : { ...current, [field]: true }));
    },
    [setValue],
  );

  const revealAll = useCallback(() => {
    setVisited(Object.fromEntries(FORM_FIELDS.map((field) => [field, true])) as Flags);
  }, []);

  const errors = useMemo(() => {
    const result: VerificationErrors = {};
    for (const field of FORM_FIELDS) {
      const raw = values[field];
      const server = serverErrors[field];
      if (server) {
        result[field] = server;
        continue;
      }
      if (!visited[field] && !isComplete(field, raw)) continue;
      const fieldCheck = verificationFieldChecks[field](raw);
      if (!fieldCheck.ok) result[field] = fieldCheck.message;
    }
    return result;
  }, [values, visited, serverErrors]);

  const check = useMemo(() => checkVerificationInput(values), [values]);

  return { values, errors, check, setValue, blur, revealAll, setServerErrors };
}
