/**
 * The enterprises an operator submits for batch registration: one validator used by the admin
 * pages (inline row errors) and by the cloud function (for safety), so both agree on what is valid
 * and on the normalised values sent to ESS.
 *
 * The super admin's name and mobile depend on the link mode, as in ESS's
 * RegistrationOrganizationInfo: optional when each enterprise gets its own link (`batchAuthMethod`
 * 0: whoever opens the link registers), required with one combined link (1). Given, they are
 * checked either way.
 *
 * Normalisation: names trimmed; English brackets in an organization name become Chinese ones
 * (ESS: "如果名称中包含英文括号()，请使用中文括号（）代替"); credit code and ID numbers upper-case
 * without spaces; mobiles to 11 digits.
 */
import {
  checkChineseOrLatinName,
  checkOptionalSuperAdmin,
  checkSuperAdmin,
} from './superAdminIdentity';
import { checkUniformSocialCreditCode, normalizeCreditCode } from './creditCode';
import type { FieldCheck } from './fieldCheck';
import {
  AUTHORIZATION_TYPES,
  type AuthorizationType,
  type OrganizationField,
  type OrganizationRow,
  type RowError,
} from './organizationContract';

/** ESS takes at most 10 enterprises per CreateBatchOrganizationRegistrationTasks call. */
export const ESS_MAX_ORGANIZATIONS_PER_TASK = 10;
/**
 * Enterprises per submission (the function splits them into ESS calls of 10): bounded so that
 * all calls fit in one cloud-function invocation. Larger lists are submitted in several parts.
 */
export const MAX_ORGANIZATIONS_PER_REQUEST = 50;
export const MAX_ORGANIZATION_NAME_LENGTH = 200;
export const MAX_ADDRESS_LENGTH = 200;

/**
 * 上传授权书: with one combined link ESS then requires the power of attorney file in the request
 * (`PowerOfAttorneys`), which this product does not upload.
 */
const UPLOAD_POWER_OF_ATTORNEY: AuthorizationType = 1;

/** Why 上传授权书 is refused with one combined link: this product's limit, not ESS's. */
const POWER_OF_ATTORNEY_NOT_UPLOADED =
  '合并为一个链接时，“上传授权书”需随提交上传授权书文件，本工具暂不支持上传文件：请选择其他认证方式，或改为“每家企业一个链接”';

/** Whether the link mode needs every row's super admin name and mobile. */
export const superAdminRequired = (batchAuthMethod: 0 | 1 = 0): boolean => batchAuthMethod === 1;

export interface OrganizationRowOptions {
  /** 0 = a link per enterprise (default), 1 = one combined link. */
  batchAuthMethod?: 0 | 1;
  now?: Date;
}

export type RowFieldErrors = RowError['fields'];

export type OrganizationRowCheck =
  { ok: true; value: OrganizationRow } | { ok: false; fields: RowFieldErrors };

export type OrganizationRowsCheck =
  | { ok: true; value: OrganizationRow[] }
  /** `message`: a problem of the list as a whole (empty, too long); row problems in `rowErrors`. */
  | { ok: false; rowErrors: RowError[]; message?: string };

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const trimAll = (value: string): string => value.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** `  腾讯科技(深圳)有限公司 ` -> `腾讯科技（深圳）有限公司`. */
export function normalizeOrganizationName(raw: string): string {
  return trimAll(String(raw ?? ''))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

export function checkOrganizationName(raw: string): FieldCheck {
  const value = normalizeOrganizationName(raw);
  if (!value) return { ok: false, value, message: '请输入企业名称' };
  if (Array.from(value).length > MAX_ORGANIZATION_NAME_LENGTH) {
    return {
      ok: false,
      value,
      message: `企业名称不能超过${MAX_ORGANIZATION_NAME_LENGTH}个字`,
    };
  }
  return { ok: true, value };
}

type AuthorizationTypesCheck =
  { ok: true; value?: AuthorizationType[] } | { ok: false; message: string };

/** Absent or empty: ESS offers its default methods. Otherwise exactly one of 1, 2, 5. */
export function checkAuthorizationTypes(
  raw: unknown,
  batchAuthMethod: 0 | 1 = 0,
): AuthorizationTypesCheck {
  if (raw === undefined || raw === null) return { ok: true };
  if (!Array.isArray(raw)) return { ok: false, message: '授权方式格式不正确' };
  const types = [...new Set(raw)];
  if (types.length === 0) return { ok: true };
  if (!types.every((type) => (AUTHORIZATION_TYPES as readonly unknown[]).includes(type))) {
    return {
      ok: false,
      message: '授权方式只能是：上传授权书、法人授权超管、授权书+对公打款',
    };
  }
  if (types.length > 1) return { ok: false, message: '授权方式只能选择一种' };
  if (batchAuthMethod === 1 && types[0] === UPLOAD_POWER_OF_ATTORNEY) {
    return { ok: false, message: POWER_OF_ATTORNEY_NOT_UPLOADED };
  }
  return { ok: true, value: types as AuthorizationType[] };
}

function checkAddress(raw: unknown): FieldCheck {
  const value = trimAll(asText(raw));
  if (Array.from(value).length > MAX_ADDRESS_LENGTH) {
    return { ok: false, value, message: `注册地址不能超过${MAX_ADDRESS_LENGTH}个字` };
  }
  return { ok: true, value };
}

/** Checks one row; `value` has the normalised fields in a fixed order (it is also hashed). */
export function checkOrganizationRow(
  raw: unknown,
  options: OrganizationRowOptions = {},
): OrganizationRowCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, fields: { row: '这一行不是有效的企业信息' } };
  }
  const source = raw as Partial<Record<OrganizationField, unknown>>;
  const fields: RowFieldErrors = {};
  const record = (field: OrganizationField, check: FieldCheck): string => {
    if (!check.ok) fields[field] = check.message;
    return check.value;
  };

  const organizationName = record(
    'organizationName',
    checkOrganizationName(asText(source.organizationName)),
  );
  const uniformSocialCreditCode = record(
    'uniformSocialCreditCode',
    checkUniformSocialCreditCode(asText(source.uniformSocialCreditCode)),
  );
  const legalName = record('legalName', checkChineseOrLatinName(asText(source.legalName)));
  const address = record('address', checkAddress(source.address));
  const superAdmin = superAdminRequired(options.batchAuthMethod)
    ? checkSuperAdmin(source, options.now)
    : checkOptionalSuperAdmin(source, options.now);
  if (!superAdmin.ok) Object.assign(fields, superAdmin.errors);
  const types = checkAuthorizationTypes(source.authorizationTypes, options.batchAuthMethod);
  if (!types.ok) fields.authorizationTypes = types.message;

  if (!superAdmin.ok || !types.ok || Object.keys(fields).length > 0) return { ok: false, fields };
  const { superAdminName, superAdminMobile, superAdminIdCardType, superAdminIdCardNumber } =
    superAdmin.value;
  const row: OrganizationRow = {
    organizationName,
    uniformSocialCreditCode,
    legalName,
    ...(address ? { address } : {}),
    ...(superAdminName ? { superAdminName } : {}),
    ...(superAdminMobile ? { superAdminMobile } : {}),
    superAdminIdCardType,
    ...(superAdminIdCardNumber ? { superAdminIdCardNumber } : {}),
    ...(types.value ? { authorizationTypes: types.value } : {}),
  };
  return { ok: true, value: row };
}

type UniqueField = 'organizationName' | 'uniformSocialCreditCode';

const UNIQUE_FIELDS: readonly [UniqueField, string, (raw: string) => string][] = [
  ['organizationName', '企业名称', normalizeOrganizationName],
  ['uniformSocialCreditCode', '统一社会信用代码', normalizeCreditCode],
];

/** Errors of later rows repeating an earlier row's organization name or credit code. */
function duplicateErrors(rows: readonly unknown[]): Map<number, RowFieldErrors> {
  const errors = new Map<number, RowFieldErrors>();
  for (const [field, label, normalize] of UNIQUE_FIELDS) {
    const firstIndex = new Map<string, number>();
    rows.forEach((row, index) => {
      const value = normalize(asText((row as Partial<OrganizationRow> | null)?.[field]));
      if (!value) return;
      const earlier = firstIndex.get(value);
      if (earlier === undefined) {
        firstIndex.set(value, index);
        return;
      }
      errors.set(index, {
        ...errors.get(index),
        [field]: `与第${earlier + 1}行的${label}重复，同一批企业不能重复`,
      });
    });
  }
  return errors;
}

/**
 * Checks a whole submission: every row, reported together, plus duplicates within the list
 * (ESS refuses a batch that repeats an enterprise name or credit code).
 */
export function checkOrganizationRows(
  rows: unknown,
  options: OrganizationRowOptions = {},
): OrganizationRowsCheck {
  if (!Array.isArray(rows) || rows.length === 0) {
    return { ok: false, rowErrors: [], message: '请至少填写一家企业' };
  }
  if (rows.length > MAX_ORGANIZATIONS_PER_REQUEST) {
    return {
      ok: false,
      rowErrors: [],
      message: `一次最多提交${MAX_ORGANIZATIONS_PER_REQUEST}家企业，请分批提交`,
    };
  }
  const duplicates = duplicateErrors(rows);
  const value: OrganizationRow[] = [];
  const rowErrors: RowError[] = [];
  rows.forEach((raw, index) => {
    const check = checkOrganizationRow(raw, options);
    // A field's own problem comes first: "duplicate" only matters once the value is right.
    const fields = { ...duplicates.get(index), ...(check.ok ? {} : check.fields) };
    if (Object.keys(fields).length > 0) rowErrors.push({ index, fields });
    else if (check.ok) value.push(check.value);
  });
  return rowErrors.length > 0 ? { ok: false, rowErrors } : { ok: true, value };
}
