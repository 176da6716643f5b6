/**
 * The events of the enterprise batch-authentication functions, checked and normalised. Anything
 * wrong comes back as `InvalidInput` (answered `INVALID_INPUT` by the function, worded by its
 * table) before ESS is called.
 */
import { checkUniformSocialCreditCode } from '../../src/domain/creditCode';
import {
  AUTHORIZATION_ENDPOINTS,
  MAX_CONFIRMED_NOT_SUBMITTED,
  REGISTRATION_ENDPOINTS,
  type AuthorizationEndpoint,
  type AuthorizationFieldErrors,
  type OrganizationRow,
  type RegistrationEndpoint,
  type RegistrationFieldErrors,
} from '../../src/domain/organizationContract';
import { checkOrganizationRows } from '../../src/domain/organizationInput';
import { checkSuperAdmin, type SuperAdminIdentity } from '../../src/domain/superAdminIdentity';
import type { InvalidInput } from './operatorFailure';
import { INPUT_PROBLEMS } from './wording';

export interface RegistrationRequest {
  organizations: OrganizationRow[];
  endpoint: RegistrationEndpoint;
  batchAuthMethod: 0 | 1;
  requestKey?: string;
  /** Normalised, without duplicates, sorted; absent when none. */
  confirmedNotSubmitted?: string[];
  /** The subsidiary a group parent registers for (`Agent.ProxyOrganizationId`). */
  proxyOrganizationId?: string;
}

export interface RegistrationUrlsRequest {
  taskId: string;
  /** Absent: the one remembered with the task (if any). */
  proxyOrganizationId?: string;
}

export interface AuthorizationRequest {
  superAdmin: SuperAdminIdentity;
  endpoint: AuthorizationEndpoint;
  /** Absent: ESS includes every ready sub-task of this super admin. */
  subTaskIds?: string[];
  proxyOrganizationId?: string;
}

export type Parsed<T, FieldErrors = never> =
  { ok: true; value: T } | { ok: false; invalid: InvalidInput<FieldErrors> };

/** ESS ids (TaskId, SubTaskId, organization ids) and request keys: short, URL-safe. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const REQUEST_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
/** Sub-tasks per authorization link; more is not a realistic single super admin. */
export const MAX_SUB_TASKS_PER_LINK = 100;

const invalid = <F = never>(message: string, fieldErrors?: F) => ({
  ok: false as const,
  invalid: { message, ...(fieldErrors ? { fieldErrors } : {}) },
});

/** `value` if it is one of `allowed`, `fallback` when absent, null otherwise. */
function oneOf<T>(value: unknown, allowed: readonly T[], fallback?: T): T | null {
  if (value === undefined || value === null || value === '') return fallback ?? null;
  return allowed.includes(value as T) ? (value as T) : null;
}

/** An ESS id, trimmed; undefined when absent, null when malformed. */
function optionalId(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const id = typeof value === 'string' ? value.trim() : '';
  if (id === '') return undefined;
  return ID_PATTERN.test(id) ? id : null;
}

/** `proxyOrganizationId`, with its problem by field. */
function parseProxyOrganizationId<F extends { proxyOrganizationId?: string }>(
  value: unknown,
): Parsed<string | undefined, F> {
  const id = optionalId(value);
  if (id !== null) return { ok: true, value: id };
  const message = INPUT_PROBLEMS.proxyOrganizationId;
  return invalid<F>(message, { proxyOrganizationId: message } as F);
}

/**
 * `confirmedNotSubmitted`: credit codes the operator checked in the ESS console (see the
 * contract). Each must pass the shared check; they come back normalised, without duplicates,
 * sorted (so the same list typed differently is the same submission).
 */
function parseConfirmedNotSubmitted(
  value: unknown,
): Parsed<string[] | undefined, RegistrationFieldErrors> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  const fieldError = (message: string) => invalid(message, { confirmedNotSubmitted: message });
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return fieldError(INPUT_PROBLEMS.confirmedNotAList);
  }
  if (value.length > MAX_CONFIRMED_NOT_SUBMITTED) {
    return fieldError(INPUT_PROBLEMS.confirmedTooMany);
  }
  const codes = new Set<string>();
  for (const [index, raw] of (value as string[]).entries()) {
    const code = checkUniformSocialCreditCode(raw);
    if (!code.ok) return fieldError(INPUT_PROBLEMS.confirmedItem(index + 1, code.message));
    codes.add(code.value);
  }
  return { ok: true, value: codes.size > 0 ? [...codes].sort() : undefined };
}

export function parseRegistrationEvent(
  event: Record<string, unknown>,
): Parsed<RegistrationRequest, RegistrationFieldErrors> {
  const endpoint = oneOf(event.endpoint, REGISTRATION_ENDPOINTS, 'PC');
  if (!endpoint) return invalid(INPUT_PROBLEMS.registrationEndpoint(REGISTRATION_ENDPOINTS));
  const batchAuthMethod = oneOf(event.batchAuthMethod, [0, 1] as const, 0);
  if (batchAuthMethod === null) return invalid(INPUT_PROBLEMS.batchAuthMethod);
  let requestKey: string | undefined;
  if (event.requestKey !== undefined) {
    if (typeof event.requestKey !== 'string' || !REQUEST_KEY_PATTERN.test(event.requestKey)) {
      return invalid(INPUT_PROBLEMS.requestKey);
    }
    requestKey = event.requestKey;
  }
  const confirmed = parseConfirmedNotSubmitted(event.confirmedNotSubmitted);
  if (!confirmed.ok) return confirmed;
  const proxy = parseProxyOrganizationId<RegistrationFieldErrors>(event.proxyOrganizationId);
  if (!proxy.ok) return proxy;
  const rows = checkOrganizationRows(event.organizations, { batchAuthMethod });
  if (!rows.ok) {
    if (rows.message) return invalid(rows.message);
    return { ok: false, invalid: { rowErrors: rows.rowErrors } };
  }
  return {
    ok: true,
    value: {
      organizations: rows.value,
      endpoint,
      batchAuthMethod,
      requestKey,
      ...(confirmed.value ? { confirmedNotSubmitted: confirmed.value } : {}),
      ...(proxy.value ? { proxyOrganizationId: proxy.value } : {}),
    },
  };
}

export function parseRegistrationUrlsEvent(
  event: Record<string, unknown>,
): Parsed<RegistrationUrlsRequest, { proxyOrganizationId?: string }> {
  const taskId = optionalId(event.taskId);
  if (!taskId) return invalid(INPUT_PROBLEMS.taskId);
  const proxy = parseProxyOrganizationId<{ proxyOrganizationId?: string }>(
    event.proxyOrganizationId,
  );
  if (!proxy.ok) return proxy;
  return {
    ok: true,
    value: { taskId, ...(proxy.value ? { proxyOrganizationId: proxy.value } : {}) },
  };
}

function parseSubTaskIds(value: unknown): Parsed<string[] | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!Array.isArray(value)) return invalid(INPUT_PROBLEMS.subTaskIdsNotAList);
  const ids = [...new Set(value.map(optionalId))];
  if (ids.some((id) => !id)) return invalid(INPUT_PROBLEMS.subTaskIdFormat);
  if (ids.length > MAX_SUB_TASKS_PER_LINK) {
    return invalid(INPUT_PROBLEMS.tooManySubTasks(MAX_SUB_TASKS_PER_LINK));
  }
  return { ok: true, value: ids.length > 0 ? (ids as string[]) : undefined };
}

export function parseAuthorizationEvent(
  event: Record<string, unknown>,
): Parsed<AuthorizationRequest, AuthorizationFieldErrors> {
  const superAdmin = checkSuperAdmin(event);
  if (!superAdmin.ok) {
    const { errors } = superAdmin;
    return invalid(errors.superAdminIdCardType ?? INPUT_PROBLEMS.superAdmin, errors);
  }
  const endpoint = oneOf(event.endpoint, AUTHORIZATION_ENDPOINTS);
  if (!endpoint) return invalid(INPUT_PROBLEMS.authorizationEndpoint(AUTHORIZATION_ENDPOINTS));
  const subTaskIds = parseSubTaskIds(event.subTaskIds);
  if (!subTaskIds.ok) return subTaskIds;
  const proxy = parseProxyOrganizationId<AuthorizationFieldErrors>(event.proxyOrganizationId);
  if (!proxy.ok) return proxy;
  return {
    ok: true,
    value: {
      superAdmin: superAdmin.value,
      endpoint,
      subTaskIds: subTaskIds.value,
      ...(proxy.value ? { proxyOrganizationId: proxy.value } : {}),
    },
  };
}
