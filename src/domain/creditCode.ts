/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z); the last is a check character (MOD 31).
 * The one implementation: the pages, the cloud functions and the local ESS emulator use it.
 */
import type { FieldCheck } from './fieldCheck';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character of the first 17 characters (which must be from the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Exactly 18 characters of the alphabet (capitals only) with the right check character. */
export function isValidUniformSocialCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckChar(code) === code[17];
}

/** Strips spaces and dashes people paste, upper-cases: `91350100m000100y43` -> `91350100M000100Y43`. */
export function normalizeCreditCode(raw: string): string {
  return String(raw ?? '')
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

export function checkUniformSocialCreditCode(raw: string): FieldCheck {
  const value = normalizeCreditCode(raw);
  if (!value) return { ok: false, value, message: '请输入统一社会信用代码' };
  if (value.length !== 18) return { ok: false, value, message: '统一社会信用代码应为18位' };
  if (!SHAPE.test(value)) {
    return {
      ok: false,
      value,
      message: '统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）',
    };
  }
  if (creditCodeCheckChar(value) !== value[17]) {
    return { ok: false, value, message: '统一社会信用代码校验位不正确，请核对是否输错' };
  }
  return { ok: true, value };
}
