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
import { SUPER_ADMIN_ID_CARD_TYPES, type SuperAdminIdCardType } from './organizationContract';
import type { FieldCheck } from './fieldCheck';
import { checkIdCardNumber, normalizeIdCardNumber } from './idCard';
import { checkMobile } from './mobile';
import { checkPersonName } from './personName';

export const DEFAULT_SUPER_ADMIN_ID_CARD_TYPE: SuperAdminIdCardType = 'ID_CARD';

export const SUPER_ADMIN_ID_CARD_TYPE_LABELS: Record<SuperAdminIdCardType, string> = {
  ID_CARD: '居民身份证',
  HONGKONG_AND_MACAO: '港澳居民来往内地通行证',
  HONGKONG_MACAO_AND_TAIWAN: '港澳台居民居住证',
};

export function isSuperAdminIdCardType(value: unknown): value is SuperAdminIdCardType {
  return (SUPER_ADMIN_ID_CARD_TYPES as readonly unknown[]).includes(value);
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

export function checkSuperAdminIdCardNumber(
  type: SuperAdminIdCardType,
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

/** The super admin's name as on their document: Chinese for an ID card, Chinese or Latin otherwise. */
export function checkSuperAdminName(
  raw: string,
  type: SuperAdminIdCardType = 'ID_CARD',
): FieldCheck {
  return type === 'ID_CARD' ? checkPersonName(raw) : checkChineseOrLatinName(raw);
}

export interface SuperAdminIdentity {
  superAdminName: string;
  /** 11 digits. */
  superAdminMobile: string;
  superAdminIdCardType: SuperAdminIdCardType;
  /** Normalised (upper case, no spaces); absent when not given (ESS takes it as optional). */
  superAdminIdCardNumber?: string;
}

/**
 * The super admin as an enterprise row may give it when each enterprise gets its own link
 * (`batchAuthMethod` 0): ESS takes name and mobile as optional there, and whoever opens the
 * link registers.
 */
export type OptionalSuperAdminIdentity = Partial<
  Pick<SuperAdminIdentity, 'superAdminName' | 'superAdminMobile'>
> &
  Omit<SuperAdminIdentity, 'superAdminName' | 'superAdminMobile'>;

export type SuperAdminField = keyof SuperAdminIdentity;
export type SuperAdminErrors = Partial<Record<SuperAdminField, string>>;

export type SuperAdminCheck<T = SuperAdminIdentity> =
  { ok: true; value: T } | { ok: false; errors: SuperAdminErrors };

type SuperAdminInput = Partial<Record<SuperAdminField, unknown>> | null | undefined;

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const isBlank = (value: unknown): boolean => asText(value).trim() === '';

function checkFields(
  input: SuperAdminInput,
  nameAndMobileRequired: boolean,
  now: Date,
): SuperAdminCheck<OptionalSuperAdminIdentity> {
  const source = input ?? {};
  const errors: SuperAdminErrors = {};
  const rawType = source.superAdminIdCardType ?? DEFAULT_SUPER_ADMIN_ID_CARD_TYPE;
  const type = isSuperAdminIdCardType(rawType) ? rawType : DEFAULT_SUPER_ADMIN_ID_CARD_TYPE;
  if (!isSuperAdminIdCardType(rawType)) {
    errors.superAdminIdCardType = `证件类型只能是${Object.values(SUPER_ADMIN_ID_CARD_TYPE_LABELS).join('、')}`;
  }
  const value: OptionalSuperAdminIdentity = { superAdminIdCardType: type };

  if (nameAndMobileRequired || !isBlank(source.superAdminName)) {
    const name = checkSuperAdminName(asText(source.superAdminName), type);
    if (!name.ok) errors.superAdminName = name.message;
    value.superAdminName = name.value;
  }
  if (nameAndMobileRequired || !isBlank(source.superAdminMobile)) {
    const mobile = checkMobile(asText(source.superAdminMobile));
    if (!mobile.ok) errors.superAdminMobile = mobile.message;
    value.superAdminMobile = mobile.value;
  }
  // With an unknown type there is no rule to check the number by: the type's error says it all.
  if (!isBlank(source.superAdminIdCardNumber) && !errors.superAdminIdCardType) {
    const number = checkSuperAdminIdCardNumber(type, asText(source.superAdminIdCardNumber), now);
    if (!number.ok) errors.superAdminIdCardNumber = number.message;
    value.superAdminIdCardNumber = number.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * Checks a super admin's identity as a form or an event gives it (unknown values are treated as
 * missing): name and mobile required, the ID number optional and, when given, checked by the rule
 * of its document type. What the single authorization link must match.
 */
export function checkSuperAdmin(input: SuperAdminInput, now: Date = new Date()): SuperAdminCheck {
  return checkFields(input, true, now) as SuperAdminCheck;
}

/** The same, with name and mobile optional (each checked when given): a per-enterprise link. */
export function checkOptionalSuperAdmin(
  input: SuperAdminInput,
  now: Date = new Date(),
): SuperAdminCheck<OptionalSuperAdminIdentity> {
  return checkFields(input, false, now);
}
