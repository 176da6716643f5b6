/**
 * Business rules on parameter values, as the ESS API documentation states them. Each rule returns a
 * problem description (Chinese, like ESS's messages) or null; `invalidValue` / `missing` turn a
 * problem into the error ESS answers.
 */
import { idCardCheckChar } from './checkCharacters';
import { EssError } from './envelope';

export function invalidValue(parameter: string, problem: string): EssError {
  return new EssError('InvalidParameterValue', `参数 ${parameter} 取值错误：${problem}`);
}

export function invalidParameter(parameter: string, problem: string): EssError {
  return new EssError('InvalidParameter', `参数 ${parameter} 错误：${problem}`);
}

export function missing(parameter: string): EssError {
  return new EssError('MissingParameter', `缺少参数 ${parameter}`);
}

/** Identity document types ESS accepts for a person. */
export const ID_CARD_TYPES = [
  'ID_CARD',
  'HONGKONG_AND_MACAO',
  'HONGKONG_MACAO_AND_TAIWAN',
] as const;
export type IdCardType = (typeof ID_CARD_TYPES)[number];

export function isIdCardType(value: string): value is IdCardType {
  return (ID_CARD_TYPES as readonly string[]).includes(value);
}

/**
 * An 18-character number of a resident identity card (ID_CARD) or of a Hong Kong/Macao/Taiwan
 * residence permit (same format): 17 digits and a check character, an `X` in upper case only.
 */
function eighteenCharacterIdProblem(value: string): string | null {
  if (value.length !== 18) return '证件号码应为18位';
  if (/^\d{17}x$/.test(value)) return '证件号码中的x须使用大写X';
  if (!/^\d{17}[\dX]$/.test(value)) return '证件号码只能由数字和大写字母X组成';
  if (idCardCheckChar(value) !== value[17]) return '证件号码校验位不正确';
  return null;
}

/** Mainland travel permit for Hong Kong and Macao residents: `H` or `M` followed by 10 digits. */
function hongKongMacaoPassProblem(value: string): string | null {
  return /^[HM]\d{10}$/.test(value)
    ? null
    : '港澳居民来往内地通行证号码应为11位，以H或M开头，后10位为数字';
}

export function idCardNumberProblem(type: IdCardType, value: string): string | null {
  return type === 'HONGKONG_AND_MACAO'
    ? hongKongMacaoPassProblem(value)
    : eighteenCharacterIdProblem(value);
}

/** A person's name: not blank, at most 50 characters, no digits or control characters. */
export function personNameProblem(value: string): string | null {
  if (value.trim() === '') return '姓名不能为空';
  if (Array.from(value).length > 50) return '姓名不能超过50个字符';
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\d\u0000-\u001f\u007f]/.test(value)) return '姓名不能包含数字或控制字符';
  return null;
}

/** A mainland mobile number, 11 digits; ESS also accepts it prefixed by `+86`. Null when not valid. */
export function normalizeEssMobile(value: string): string | null {
  const match = /^(?:\+86[ -]?)?(1\d{10})$/.exec(value.trim());
  return match ? match[1] : null;
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isStrictBase64(value: string): boolean {
  return value.length > 0 && STRICT_BASE64.test(value);
}

/** Size in bytes of the data a (valid) base64 string encodes. */
export function base64DecodedSize(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/**
 * A link ESS redirects a browser to: an absolute http(s) URL of printable ASCII (non-ASCII must be
 * percent-encoded, as it goes into a `Location` header unchanged).
 */
export function redirectUrlProblem(value: string): string | null {
  if (!/^[\x21-\x7e]+$/.test(value)) return '链接只能包含可见ASCII字符（中文等请先进行URL编码）';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '链接格式不正确';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '链接须以http://或https://开头';
  return null;
}

/** The value of an enumerated string parameter, or its default when absent. */
export function oneOf<T extends string>(
  parameter: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalidValue(parameter, `可选值为 ${allowed.join('、')}，收到 ${value}`);
}
