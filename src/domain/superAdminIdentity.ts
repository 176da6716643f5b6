/**
 * The identity of an enterprise's super admin (超管) as ESS takes it: name, mainland mobile, and an
 * identity document of one of three types, each with its own number format:
 *
 * - `ID_CARD` 居民身份证: GB 11643 (`checkIdCardNumber`);
 * - `HONGKONG_MACAO_AND_TAIWAN` 港澳台居民居住证: the same 18-character format with the GB 11643
 *   check character, region code 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan);
 * - `HONGKONG_AND_MACAO` 港澳居民来往内地通行证: 11 characters, `H` (Hong Kong) or `M` (Macao) and
 *   10 digits, as ESS's API documents it ("共11位。第1位为字母…第2位至第11位为数字") and checks it.
 *
 * Holders of Hong Kong, Macao or Taiwan documents may have an English name on them, so their
 * names may also be in Latin letters.
 */
import { ADMIN_ID_CARD_TYPES, type AdminIdCardType } from './organizationContract';
import type { FieldCheck } from './fieldCheck';
import { checkIdCardNumber, normalizeIdCardNumber } from './idCard';
import { checkMobile } from './mobile';
import { checkPersonName } from './personName';

export const DEFAULT_ADMIN_ID_CARD_TYPE: AdminIdCardType = 'ID_CARD';

export const ADMIN_ID_CARD_TYPE_LABELS: Record<AdminIdCardType, string> = {
  ID_CARD: '居民身份证',
  HONGKONG_AND_MACAO: '港澳居民来往内地通行证',
  HONGKONG_MACAO_AND_TAIWAN: '港澳台居民居住证',
};

export function isAdminIdCardType(value: unknown): value is AdminIdCardType {
  return (ADMIN_ID_CARD_TYPES as readonly unknown[]).includes(value);
}

const RESIDENCE_PERMIT_REGIONS = ['810000', '820000', '830000'];
const LATIN_NAME = /^[A-Za-z]+(?:[ '-][A-Za-z]+)*$/;
const MAX_LATIN_NAME_LENGTH = 50;

/** 港澳台居民居住证: an ID-card-format number of region 810000, 820000 or 830000. */
export function checkResidencePermitNumber(raw: string, now: Date = new Date()): FieldCheck {
  const checked = checkIdCardNumber(raw, now);
  if (!checked.ok) {
    return { ...checked, message: checked.message.replace('身份证号', '居住证号码') };
  }
  if (!RESIDENCE_PERMIT_REGIONS.includes(checked.value.slice(0, 6))) {
    return {
      ok: false,
      value: checked.value,
      message: '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头',
    };
  }
  return checked;
}

/** ESS's rule for 港澳居民来往内地通行证 numbers: `H` or `M`, then 10 digits. */
export const HONGKONG_MACAO_PASS_PATTERN = /^[HM]\d{10}$/;

/** 港澳居民来往内地通行证: `H`/`M` and 10 digits (11 characters). */
export function checkHongKongMacaoPassNumber(raw: string): FieldCheck {
  const value = normalizeIdCardNumber(raw);
  if (!value) return { ok: false, value, message: '请输入港澳居民来往内地通行证号码' };
  if (!HONGKONG_MACAO_PASS_PATTERN.test(value)) {
    return {
      ok: false,
      value,
      message: '通行证号码应为H或M开头，后接10位数字，共11位',
    };
  }
  return { ok: true, value };
}

export function checkAdminIdCardNumber(
  type: AdminIdCardType,
  raw: string,
  now: Date = new Date(),
): FieldCheck {
  if (type === 'HONGKONG_AND_MACAO') return checkHongKongMacaoPassNumber(raw);
  if (type === 'HONGKONG_MACAO_AND_TAIWAN') return checkResidencePermitNumber(raw, now);
  return checkIdCardNumber(raw, now);
}

/** A Chinese name (as `checkPersonName`), or a Latin one: letters, single spaces, `-` and `'`. */
export function checkChineseOrLatinName(raw: string): FieldCheck {
  const chinese = checkPersonName(raw);
  if (chinese.ok || !/[A-Za-z]/.test(String(raw ?? ''))) return chinese;
  const value = String(raw ?? '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (!LATIN_NAME.test(value)) {
    return { ok: false, value, message: '请输入证件上的姓名：中文，或英文字母与空格' };
  }
  if (value.length > MAX_LATIN_NAME_LENGTH) {
    return { ok: false, value, message: `英文姓名不能超过${MAX_LATIN_NAME_LENGTH}个字符` };
  }
  return { ok: true, value };
}

/** The admin's name as on their document: Chinese for an ID card, Chinese or Latin otherwise. */
export function checkAdminName(raw: string, type: AdminIdCardType = 'ID_CARD'): FieldCheck {
  return type === 'ID_CARD' ? checkPersonName(raw) : checkChineseOrLatinName(raw);
}

export interface AdminIdentity {
  adminName: string;
  /** 11 digits. */
  adminMobile: string;
  adminIdCardType: AdminIdCardType;
  /** Normalised (upper case, no spaces); absent when not given (ESS takes it as optional). */
  adminIdCardNumber?: string;
}

export type AdminIdentityField = keyof AdminIdentity;
export type AdminIdentityErrors = Partial<Record<AdminIdentityField, string>>;

export type AdminIdentityCheck =
  { ok: true; value: AdminIdentity } | { ok: false; errors: AdminIdentityErrors };

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Checks an admin's identity as a form or an event gives it (unknown values are treated as
 * missing). The ID number is optional; when given, it is checked by the rule of its type.
 */
export function checkAdminIdentity(
  input: Partial<Record<AdminIdentityField, unknown>> | null | undefined,
  now: Date = new Date(),
): AdminIdentityCheck {
  const source = input ?? {};
  const errors: AdminIdentityErrors = {};
  const rawType = source.adminIdCardType ?? DEFAULT_ADMIN_ID_CARD_TYPE;
  const type = isAdminIdCardType(rawType) ? rawType : DEFAULT_ADMIN_ID_CARD_TYPE;
  if (!isAdminIdCardType(rawType)) {
    errors.adminIdCardType = `证件类型只能是${Object.values(ADMIN_ID_CARD_TYPE_LABELS).join('、')}`;
  }

  const name = checkAdminName(asText(source.adminName), type);
  if (!name.ok) errors.adminName = name.message;
  const mobile = checkMobile(asText(source.adminMobile));
  if (!mobile.ok) errors.adminMobile = mobile.message;

  const value: AdminIdentity = {
    adminName: name.value,
    adminMobile: mobile.value,
    adminIdCardType: type,
  };
  const rawNumber = asText(source.adminIdCardNumber);
  // With an unknown type there is no rule to check the number by: the type's error says it all.
  if (rawNumber.trim() !== '' && !errors.adminIdCardType) {
    const number = checkAdminIdCardNumber(type, rawNumber, now);
    if (!number.ok) errors.adminIdCardNumber = number.message;
    value.adminIdCardNumber = number.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
