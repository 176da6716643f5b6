/**
 * What the user typed into the verification form, kept on the device while they are away in ESS,
 * so that "修改填写信息" can show it again. Never sent anywhere; removed once verified or withdrawn.
 */
import type { VerificationInput } from '../domain/verificationInput';
import { draftStorage } from './draftStorage';

export function saveFormDraft(values: VerificationInput): void {
  draftStorage.write(JSON.stringify(values));
}

export function loadFormDraft(): VerificationInput | null {
  const raw = draftStorage.read();
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof VerificationInput, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      name: text(value.name),
      idCardNumber: text(value.idCardNumber),
      mobile: text(value.mobile),
    };
  } catch {
    return null;
  }
}

export function clearFormDraft(): void {
  draftStorage.clear();
}
