/**
 * The contract between the admin pages and the enterprise batch-authentication cloud functions
 * (ESS CreateBatchOrganizationRegistrationTasks, DescribeBatchOrganizationRegistrationUrls,
 * CreateBatchOrganizationAuthorizationUrl). Both sides import these types.
 *
 * Two people, two names: the **operator** is this product's user of these functions (a WeChat
 * user listed in `ADMIN_OPENIDS`, who submits enterprises and hands out links); the **super
 * admin** (超管, ESS's `Admin*` parameters) is the person who registers an enterprise at ESS and
 * will manage it there.
 */
import type { SuperAdminErrors } from './superAdminIdentity';
import type { FailureResult } from './verificationContract';

/** Identity documents ESS accepts for an enterprise's super admin. */
export const SUPER_ADMIN_ID_CARD_TYPES = [
  'ID_CARD',
  'HONGKONG_AND_MACAO',
  'HONGKONG_MACAO_AND_TAIWAN',
] as const;
export type SuperAdminIdCardType = (typeof SUPER_ADMIN_ID_CARD_TYPES)[number];

/** 1 上传授权书, 2 法人授权超管, 5 授权书+对公打款 (ESS supports one per enterprise). */
export const AUTHORIZATION_TYPES = [1, 2, 5] as const;
export type AuthorizationType = (typeof AUTHORIZATION_TYPES)[number];

/** Link kinds for the per-enterprise registration links. */
export const REGISTRATION_ENDPOINTS = ['PC', 'SHORT_URL', 'APP', 'H5', 'SHORT_H5'] as const;
export type RegistrationEndpoint = (typeof REGISTRATION_ENDPOINTS)[number];

/** Link kinds for the single batch-authorization link. */
export const AUTHORIZATION_ENDPOINTS = ['APP', 'HTTP', 'HTTP_SHORT_URL', 'QR_CODE'] as const;
export type AuthorizationEndpoint = (typeof AUTHORIZATION_ENDPOINTS)[number];

/** One enterprise to register, as the operator enters it. */
export interface OrganizationRow {
  organizationName: string;
  uniformSocialCreditCode: string;
  legalName: string;
  address?: string;
  /**
   * The super admin's name and mobile: required with one combined link (`batchAuthMethod` 1),
   * optional when each enterprise gets its own link (whoever opens it registers; then no single
   * authorization link can be made for the enterprise, it must match them).
   */
  superAdminName?: string;
  superAdminMobile?: string;
  superAdminIdCardType?: SuperAdminIdCardType;
  superAdminIdCardNumber?: string;
  authorizationTypes?: AuthorizationType[];
}

export type OrganizationField = keyof OrganizationRow;

/** Problems of one row (index into the submitted list), by field; `row` for whole-row problems. */
export interface RowError {
  index: number;
  fields: Partial<Record<OrganizationField | 'row', string>>;
}

export interface CreateBatchOrganizationRegistrationTasksEvent {
  organizations: OrganizationRow[];
  endpoint?: RegistrationEndpoint;
  /** 0 = a link per enterprise (default), 1 = one combined link. */
  batchAuthMethod?: 0 | 1;
  /** Optional client-chosen key: the same key answers the stored result instead of submitting again. */
  requestKey?: string;
  /**
   * A group parent registering for a subsidiary: ESS `Agent.ProxyOrganizationId` (the
   * subsidiary's organization id). Remembered with the tasks: their links are read for it too.
   */
  proxyOrganizationId?: string;
  /**
   * Unified social credit codes the operator has checked in the ESS console and found NOT
   * registered, after an earlier submission of theirs got no answer from ESS (`unconfirmed`).
   * The server remembers, per operator and for 7 days, the enterprises sent without an answer, and
   * does not send them again (it answers them `unconfirmed`) unless their code is listed here:
   * listed codes are forgotten and their rows sent. At most `MAX_CONFIRMED_NOT_SUBMITTED` valid
   * codes; anything else is `INVALID_INPUT` with `fieldErrors.confirmedNotSubmitted`. Part of what
   * is submitted: the same `requestKey` with another list is refused.
   */
  confirmedNotSubmitted?: string[];
}

/** At most this many codes in `confirmedNotSubmitted` (as many as rows in one request). */
export const MAX_CONFIRMED_NOT_SUBMITTED = 50;

/** Problems with the registration event's fields other than the rows. */
export interface RegistrationFieldErrors {
  confirmedNotSubmitted?: string;
  proxyOrganizationId?: string;
}

/** A refused registration: row problems by row, other fields' problems by field. */
export type RegistrationFailure = Omit<FailureResult, 'fieldErrors'> & {
  rowErrors?: RowError[];
  fieldErrors?: RegistrationFieldErrors;
};

/**
 * What became of one submitted enterprise:
 * - `submitted`: ESS took it (it is in one of `taskIds`);
 * - `refused`: ESS refused it (its message says why): fix the row and submit it again;
 * - `failed`: not sent, or ESS answered that it did nothing (another row of its group was
 *   refused, ESS was busy or rejected the call, time ran out): it can be submitted again as is;
 * - `unconfirmed`: sent, but no answer came: ESS may have registered it. It must not be submitted
 *   again until someone has checked in the ESS console that it was not. Also the answer for a row
 *   the server did not send because an earlier submission of the same operator sent that enterprise
 *   without an answer (within 7 days): send its code in `confirmedNotSubmitted` once checked.
 */
export const REGISTRATION_ROW_STATUSES = ['submitted', 'refused', 'failed', 'unconfirmed'] as const;
export type RegistrationRowStatus = (typeof REGISTRATION_ROW_STATUSES)[number];

export type CreateBatchOrganizationRegistrationTasksResult =
  | {
      ok: true;
      /** One ESS task per chunk of at most 10 enterprises ESS took, in input order. */
      taskIds: string[];
      /** A message per submitted row, aligned with the rows ('' = submitted, no problem). */
      errorMessages: string[];
      /** What became of each row, aligned with the rows: what the pages act on (never the text). */
      rowStatuses: RegistrationRowStatus[];
      /** True when this answer is the stored result of an earlier identical request. */
      replayed?: boolean;
    }
  | RegistrationFailure;

export interface DescribeBatchOrganizationRegistrationUrlsEvent {
  taskId: string;
  /**
   * The subsidiary the task was created for (`Agent.ProxyOrganizationId`). Optional: the server
   * remembers it with the task and sends it; given, it must be the task's.
   */
  proxyOrganizationId?: string;
}

export interface RegistrationUrlRow {
  subTaskId: string;
  organizationName: string;
  authUrl: string;
  errorMessage: string;
}

export type DescribeBatchOrganizationRegistrationUrlsResult =
  | { ok: true; ready: false }
  | {
      ok: true;
      ready: true;
      rows: RegistrationUrlRow[];
      /** The subsidiary the task was created for, when it was (to make its link for it too). */
      proxyOrganizationId?: string;
    }
  | FailureResult;

export interface CreateBatchOrganizationAuthorizationUrlEvent {
  superAdminName: string;
  superAdminMobile: string;
  superAdminIdCardType?: SuperAdminIdCardType;
  superAdminIdCardNumber?: string;
  subTaskIds?: string[];
  endpoint: AuthorizationEndpoint;
  /** Group parent acting for a subsidiary: ESS `Agent.ProxyOrganizationId`. */
  proxyOrganizationId?: string;
}

/** The authorization event's problems, by field (the super admin's, and the subsidiary id). */
export type AuthorizationFieldErrors = SuperAdminErrors & { proxyOrganizationId?: string };

/**
 * A refused authorization link. `ESS_REJECTED`: ESS found none of the sub-tasks registered with
 * this super admin (name, mobile, document must be exactly those of the rows) or not ready;
 * `TASK_NOT_FOUND`: sub-tasks this operator did not create (or not read yet).
 */
export type AuthorizationFailure = Omit<FailureResult, 'fieldErrors'> & {
  fieldErrors?: AuthorizationFieldErrors;
};

export type CreateBatchOrganizationAuthorizationUrlResult =
  | {
      ok: true;
      /** Exactly as ESS returned it: never append to or re-encode it. */
      authUrl: string;
      /** Unix time in seconds. */
      expireTime: number;
      /** ESS's messages about sub-tasks it filtered out (e.g. registered with another super admin). */
      errorMessages: string[];
      /** The same messages placed by the server: by the SubTaskId they are about … */
      subTaskMessages: Record<string, string[]>;
      /** … and those about none of the requested sub-tasks. */
      otherMessages: string[];
      /** For `APP`: the ESS mini-program of the configured environment (ESS answers none). */
      miniAppId?: string;
      envVersion?: 'release' | 'trial' | 'develop';
    }
  | AuthorizationFailure;

/**
 * `checkOperatorAccess`: whether the caller may use the enterprise functions, at no cost (no ESS
 * call, no store). An operator gets `{ ok: true }`; anyone else `FORBIDDEN` (from the runtime).
 */
export type CheckOperatorAccessResult = { ok: true } | FailureResult;
