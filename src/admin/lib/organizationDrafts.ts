/**
 * Enterprises as the operator types or pastes them: every field as text, exactly as entered. The
 * shared validator (`src/domain/organizationInput.ts`) checks them and gives the values sent.
 */
import { SUPER_ADMIN_ID_CARD_TYPE_LABELS } from '../../domain/superAdminIdentity';
import {
  SUPER_ADMIN_ID_CARD_TYPES,
  AUTHORIZATION_TYPES,
  type SuperAdminIdCardType,
  type AuthorizationType,
  type OrganizationField,
} from '../../domain/organizationContract';

export type DraftValues = Record<OrganizationField, string>;

export interface OrganizationDraft {
  /** Stable across edits, for React and for mapping answers back to the row. */
  key: string;
  values: DraftValues;
}

export interface OrganizationColumn {
  field: OrganizationField;
  label: string;
  /** `always`: may be left empty; `perEnterpriseLink`: only with a link per enterprise. */
  optional?: 'always' | 'perEnterpriseLink';
  /** Other headers spreadsheets use for this column. */
  aliases?: readonly string[];
}

/** The columns, in the order a pasted row without a header line is read. */
export const ORGANIZATION_COLUMNS: readonly OrganizationColumn[] = [
  { field: 'organizationName', label: '企业名称', aliases: ['企业', '公司名称', '名称'] },
  { field: 'uniformSocialCreditCode', label: '统一社会信用代码', aliases: ['信用代码'] },
  { field: 'legalName', label: '法定代表人', aliases: ['法人', '法人姓名', '法定代表人姓名'] },
  { field: 'address', label: '注册地址', optional: 'always', aliases: ['地址'] },
  {
    field: 'superAdminName',
    label: '超管姓名',
    optional: 'perEnterpriseLink',
    aliases: ['超级管理员姓名', '管理员姓名'],
  },
  {
    field: 'superAdminMobile',
    label: '超管手机号',
    optional: 'perEnterpriseLink',
    aliases: ['超级管理员手机号', '管理员手机号'],
  },
  {
    field: 'superAdminIdCardType',
    label: '超管证件类型',
    optional: 'always',
    aliases: ['证件类型'],
  },
  {
    field: 'superAdminIdCardNumber',
    label: '超管证件号',
    optional: 'always',
    aliases: ['超管证件号码', '证件号', '证件号码', '超管身份证号'],
  },
  { field: 'authorizationTypes', label: '认证方式', optional: 'always', aliases: ['授权方式'] },
];

export const COLUMN_LABELS = Object.fromEntries(
  ORGANIZATION_COLUMNS.map((column) => [column.field, column.label]),
) as Record<OrganizationField, string>;

/** ESS AuthorizationTypes: 1 上传授权书, 2 法人授权超管, 5 授权书+对公打款. */
export const AUTHORIZATION_TYPE_LABELS: Record<AuthorizationType, string> = {
  1: '上传授权书',
  2: '法人授权超管',
  5: '授权书+对公打款',
};

/** What people write in a spreadsheet for each document type, besides its full label. */
const ID_CARD_TYPE_ALIASES: Record<SuperAdminIdCardType, readonly string[]> = {
  ID_CARD: ['身份证', '居民身份证', '大陆身份证'],
  HONGKONG_AND_MACAO: ['港澳通行证', '回乡证', '港澳居民来往内地通行证'],
  HONGKONG_MACAO_AND_TAIWAN: ['居住证', '港澳台居住证', '港澳台居民居住证'],
};

const emptyValues = (): DraftValues => ({
  organizationName: '',
  uniformSocialCreditCode: '',
  legalName: '',
  address: '',
  superAdminName: '',
  superAdminMobile: '',
  superAdminIdCardType: '',
  superAdminIdCardNumber: '',
  authorizationTypes: '',
});

let lastKey = 0;
/** Unique across reloads too (drafts and held rows are restored with their keys). */
const keyPrefix = `org-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
export function newDraft(values: Partial<DraftValues> = {}): OrganizationDraft {
  lastKey += 1;
  return { key: `${keyPrefix}-${lastKey}`, values: { ...emptyValues(), ...values } };
}

/** A draft restored from storage: its own key, every field a string. */
export function restoredDraft(
  key: string,
  values: Partial<Record<string, unknown>>,
): OrganizationDraft {
  const restored = emptyValues();
  for (const field of Object.keys(restored) as OrganizationField[]) {
    const value = values[field];
    if (typeof value === 'string') restored[field] = value;
  }
  return { key, values: restored };
}

export const isBlankDraft = (draft: OrganizationDraft): boolean =>
  Object.values(draft.values).every((value) => value.trim() === '');

/** `（可选）`, `*`, spaces: stripped before comparing a header with the column labels. */
const headerKey = (cell: string): string =>
  cell.replace(/[（(][^）)]*[）)]|[*＊\s\u3000:：]/g, '').toUpperCase();

function columnOfHeader(cell: string): OrganizationField | undefined {
  const key = headerKey(cell);
  if (!key) return undefined;
  return ORGANIZATION_COLUMNS.find(
    (column) =>
      headerKey(column.label) === key || column.aliases?.some((a) => headerKey(a) === key),
  )?.field;
}

/** The columns of a header line, or null when the line is data (fewer than two known headers). */
function headerColumns(cells: readonly string[]): Array<OrganizationField | undefined> | null {
  const columns = cells.map(columnOfHeader);
  return columns.filter(Boolean).length >= 2 ? columns : null;
}

/** `身份证` -> `ID_CARD`; unknown text is kept for the validator to name the problem. */
function idCardTypeFromText(text: string): string {
  const key = headerKey(text);
  const type = SUPER_ADMIN_ID_CARD_TYPES.find(
    (candidate) =>
      candidate === key ||
      headerKey(SUPER_ADMIN_ID_CARD_TYPE_LABELS[candidate]) === key ||
      ID_CARD_TYPE_ALIASES[candidate].some((alias) => headerKey(alias) === key),
  );
  return type ?? text;
}

/** `法人授权超管` or `2` -> `2`; unknown text is kept for the validator to name the problem. */
function authorizationTypeFromText(text: string): string {
  const key = headerKey(text);
  const type = AUTHORIZATION_TYPES.find(
    (candidate) =>
      String(candidate) === key || headerKey(AUTHORIZATION_TYPE_LABELS[candidate]) === key,
  );
  return type === undefined ? text : String(type);
}

/**
 * Rows of a pasted table as drafts. A first line of headers (企业名称, 统一社会信用代码, …) decides
 * which column is which; without one, columns are read in the order of `ORGANIZATION_COLUMNS`.
 */
export function draftsFromTable(table: readonly string[][]): OrganizationDraft[] {
  if (table.length === 0) return [];
  const header = headerColumns(table[0]);
  const columns = header ?? ORGANIZATION_COLUMNS.map((column) => column.field);
  const rows = header ? table.slice(1) : table;
  return rows.map((cells) => {
    const values: Partial<DraftValues> = {};
    columns.forEach((field, index) => {
      if (field && cells[index] !== undefined) values[field] = cells[index];
    });
    if (values.superAdminIdCardType)
      values.superAdminIdCardType = idCardTypeFromText(values.superAdminIdCardType);
    if (values.authorizationTypes) {
      values.authorizationTypes = authorizationTypeFromText(values.authorizationTypes);
    }
    return newDraft(values);
  });
}

/**
 * What the shared validator reads: optional choices left empty are absent (ESS's defaults);
 * the authorization method is ESS's one-element list.
 */
export function toRowInput(values: DraftValues): Record<OrganizationField, unknown> {
  const method = values.authorizationTypes.trim();
  return {
    ...values,
    superAdminIdCardType: values.superAdminIdCardType.trim() || undefined,
    authorizationTypes: method ? [/^\d+$/.test(method) ? Number(method) : method] : undefined,
  };
}
