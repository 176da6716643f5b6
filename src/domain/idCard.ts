/**
 * Mainland China resident identity card number (居民身份证号码), GB 11643-1999.
 *
 * 18 characters: 6-digit administrative region code, 8-digit birth date (YYYYMMDD),
 * 3-digit sequence code and one check character (0-9 or X) computed with ISO 7064 MOD 11-2.
 */
import type { FieldCheck } from './fieldCheck';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** First two digits of the region code: provinces, autonomous regions and municipalities. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** The check character of the first 17 digits, per GB 11643 (ISO 7064 MOD 11-2). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Strips spaces and upper-cases the check character: `11010519491231002x ` -> `11010519491231002X`. */
export function normalizeIdCardNumber(raw: string): string {
  return String(raw ?? '')
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Birth date encoded in an 18-character number, as `YYYY-MM-DD`. */
export function idCardBirthDate(normalized: string): string {
  return `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
}

export function checkIdCardNumber(raw: string, now: Date = new Date()): FieldCheck {
  const value = normalizeIdCardNumber(raw);
  if (!value) return { ok: false, value, message: '请输入身份证号' };
  if (!/^\d{17}[\dX]$/.test(value)) {
    if (/^\d{15}$/.test(value)) return { ok: false, value, message: '请输入18位新版身份证号' };
    if (value.length !== 18) return { ok: false, value, message: '身份证号应为18位' };
    return { ok: false, value, message: '身份证号只能包含数字，最后一位可以是X' };
  }
  if (!PROVINCE_CODES.has(Number(value.slice(0, 2)))) {
    return { ok: false, value, message: '身份证号的地区码不正确，请核对' };
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = Date.UTC(year, month - 1, day);
  if (year < 1900 || !isRealDate(year, month, day) || birth > now.getTime()) {
    return { ok: false, value, message: '身份证号中的出生日期不正确，请核对' };
  }
  if (idCardCheckChar(value) !== value[17]) {
    return { ok: false, value, message: '身份证号校验位不正确，请核对是否输错' };
  }
  return { ok: true, value };
}
