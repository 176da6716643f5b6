/**
 * The events of the three enterprise batch-authentication functions, checked and normalised.
 * Anything wrong is answered `INVALID_INPUT` before ESS is called.
 */
import { checkAdminIdentity, type AdminIdentity } from '../../src/domain/adminIdentity';
import { checkUniformSocialCreditCode } from '../../src/domain/creditCode';
import {
  AUTHORIZATION_ENDPOINTS,
  MAX_CONFIRMED_NOT_SUBMITTED,
  REGISTRATION_ENDPOINTS,
  type AuthorizationEndpoint,
  type OrganizationRow,
  type RegistrationEndpoint,
  type RegistrationFailure,
} from '../../src/domain/organizationContract';
import { checkOrganizationRows } from '../../src/domain/organizationInput';
import { failure } from '../failure';

export interface RegistrationRequest {
  organizations: OrganizationRow[];
  endpoint: RegistrationEndpoint;
  batchAuthMethod: 0 | 1;
  requestKey?: string;
  /** Normalised, without duplicates, sorted; absent when none. */
  confirmedNotSubmitted?: string[];
}

export interface AuthorizationRequest {
  admin: AdminIdentity;
  endpoint: AuthorizationEndpoint;
  /** Absent: ESS includes every ready sub-task of this admin. */
  subTaskIds?: string[];
  proxyOrganizationId?: string;
}

export type InvalidInput = RegistrationFailure;
export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: InvalidInput };

/** ESS ids (TaskId, SubTaskId, organization ids) and request keys: short, URL-safe. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const REQUEST_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
/** Sub-tasks per authorization link; more is not a realistic single admin. */
export const MAX_SUB_TASKS_PER_LINK = 100;

const invalid = (message: string, extra: Pick<InvalidInput, 'fieldErrors'> = {}) => ({
  ok: false as const,
  failure: { ...failure('INVALID_INPUT', { message }), ...extra } as InvalidInput,
});

/** `value` if it is one of `allowed`, `fallback` when absent, null otherwise. */
function oneOf<T>(value: unknown, allowed: readonly T[], fallback?: T): T | null {
  if (value === undefined || value === null || value === '') return fallback ?? null;
  return allowed.includes(value as T) ? (value as T) : null;
}

function optionalId(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const id = typeof value === 'string' ? value.trim() : '';
  return ID_PATTERN.test(id) ? id : null;
}

const CONFIRMED_NOT_A_LIST = '“已确认未提交”的企业应为统一社会信用代码的列表';
const CONFIRMED_TOO_MANY = `“已确认未提交”的企业一次最多${MAX_CONFIRMED_NOT_SUBMITTED}家`;

/**
 * `confirmedNotSubmitted`: credit codes the admin checked in the ESS console (see the contract).
 * Each must pass the shared check; they come back normalised, without duplicates, sorted (so the
 * same list typed differently is the same submission).
 */
function parseConfirmedNotSubmitted(value: unknown): Parsed<string[] | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  const fieldError = (message: string) =>
    invalid(message, { fieldErrors: { confirmedNotSubmitted: message } });
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return fieldError(CONFIRMED_NOT_A_LIST);
  }
  if (value.length > MAX_CONFIRMED_NOT_SUBMITTED) return fieldError(CONFIRMED_TOO_MANY);
  const codes = new Set<string>();
  for (const [index, raw] of (value as string[]).entries()) {
    const code = checkUniformSocialCreditCode(raw);
    if (!code.ok) return fieldError(`“已确认未提交”的第${index + 1}个企业：${code.message}`);
    codes.add(code.value);
  }
  return { ok: true, value: codes.size > 0 ? [...codes].sort() : undefined };
}

export function parseRegistrationEvent(
  event: Record<string, unknown>,
): Parsed<RegistrationRequest> {
  const endpoint = oneOf(event.endpoint, REGISTRATION_ENDPOINTS, 'PC');
  if (!endpoint) return invalid(`链接类型只能是 ${REGISTRATION_ENDPOINTS.join('、')}`);
  const batchAuthMethod = oneOf(event.batchAuthMethod, [0, 1] as const, 0);
  if (batchAuthMethod === null) {
    return invalid('认证链接模式只能是 0（每家企业一个链接）或 1（合并为一个链接）');
  }
  let requestKey: string | undefined;
  if (event.requestKey !== undefined) {
    if (typeof event.requestKey !== 'string' || !REQUEST_KEY_PATTERN.test(event.requestKey)) {
      return invalid('提交编号格式不正确，请刷新页面后重新提交');
    }
    requestKey = event.requestKey;
  }
  const confirmed = parseConfirmedNotSubmitted(event.confirmedNotSubmitted);
  if (!confirmed.ok) return confirmed;
  const rows = checkOrganizationRows(event.organizations, { batchAuthMethod });
  if (!rows.ok) {
    if (rows.message) return invalid(rows.message);
    return { ok: false, failure: { ...failure('INVALID_INPUT'), rowErrors: rows.rowErrors } };
  }
  return {
    ok: true,
    value: {
      organizations: rows.value,
      endpoint,
      batchAuthMethod,
      requestKey,
      ...(confirmed.value ? { confirmedNotSubmitted: confirmed.value } : {}),
    },
  };
}

export function parseTaskId(event: Record<string, unknown>): Parsed<string> {
  const taskId = optionalId(event.taskId);
  return taskId ? { ok: true, value: taskId } : invalid('请提供正确的认证任务编号');
}

function parseSubTaskIds(value: unknown): Parsed<string[] | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!Array.isArray(value)) return invalid('子任务编号应为列表');
  const ids = [...new Set(value.map(optionalId))];
  if (ids.some((id) => !id)) return invalid('子任务编号格式不正确');
  if (ids.length > MAX_SUB_TASKS_PER_LINK) {
    return invalid(`一个认证链接最多包含${MAX_SUB_TASKS_PER_LINK}家企业`);
  }
  return { ok: true, value: ids.length > 0 ? (ids as string[]) : undefined };
}

export function parseAuthorizationEvent(
  event: Record<string, unknown>,
): Parsed<AuthorizationRequest> {
  const admin = checkAdminIdentity(event);
  if (!admin.ok) {
    const { adminName, adminMobile, adminIdCardNumber, adminIdCardType } = admin.errors;
    // The personal form's field names: the admin is a person with a name, mobile and ID.
    const fieldErrors = Object.fromEntries(
      Object.entries({
        name: adminName,
        mobile: adminMobile,
        idCardNumber: adminIdCardNumber,
      }).filter(([, message]) => message !== undefined),
    );
    return invalid(adminIdCardType ?? '超管信息有误，请按提示修改', { fieldErrors });
  }
  const endpoint = oneOf(event.endpoint, AUTHORIZATION_ENDPOINTS);
  if (!endpoint) return invalid(`链接类型只能是 ${AUTHORIZATION_ENDPOINTS.join('、')}`);
  const subTaskIds = parseSubTaskIds(event.subTaskIds);
  if (!subTaskIds.ok) return subTaskIds;
  const proxyOrganizationId = optionalId(event.proxyOrganizationId);
  if (proxyOrganizationId === null) return invalid('代理的子企业编号格式不正确');
  return {
    ok: true,
    value: { admin: admin.value, endpoint, subTaskIds: subTaskIds.value, proxyOrganizationId },
  };
}
