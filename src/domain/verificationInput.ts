/**
 * The personal-verification form: one validator used by the page (for usability) and by the
 * cloud function (for safety), so both always agree on what is valid.
 */
import { checkIdCardNumber } from './idCard';
import { checkMobile } from './mobile';
import { checkPersonName } from './personName';
import type { FieldCheck } from './fieldCheck';

export interface VerificationInput {
  name: string;
  idCardNumber: string;
  mobile: string;
}

export type VerificationField = keyof VerificationInput;
export type VerificationErrors = Partial<Record<VerificationField, string>>;

export type VerificationInputCheck =
  { ok: true; value: VerificationInput } | { ok: false; errors: VerificationErrors };

/** One check per field of `VerificationInput`: a field added there without a check fails to compile. */
export const verificationFieldChecks: {
  [F in VerificationField]: (raw: string) => FieldCheck;
} = {
  name: checkPersonName,
  idCardNumber: checkIdCardNumber,
  mobile: checkMobile,
};

const asText = (v: unknown): string => (typeof v === 'string' ? v : '');

export function checkVerificationInput(
  input: Partial<Record<VerificationField, unknown>> | null | undefined,
): VerificationInputCheck {
  const source = input ?? {};
  const errors: VerificationErrors = {};
  const value: VerificationInput = { name: '', idCardNumber: '', mobile: '' };
  for (const field of Object.keys(verificationFieldChecks) as VerificationField[]) {
    const result = verificationFieldChecks[field](asText(source[field]));
    value[field] = result.value;
    if (!result.ok) errors[field] = result.message;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
