/**
 * The one map from cloud-function name to its event and result, used by the pages' `callFunction`
 * and the server's `cloudFunction`: a misspelt name, a wrong event or a result of the wrong shape
 * fails to compile on whichever side is wrong. `tests/scripts/functionMap.test.ts` checks the same
 * names against the `cloudfunctions/` folders, `server/functions/` and `cloudbaserc.json`.
 */
import type {
  CheckOperatorAccessResult,
  CreateBatchOrganizationAuthorizationUrlEvent,
  CreateBatchOrganizationAuthorizationUrlResult,
  CreateBatchOrganizationRegistrationTasksEvent,
  CreateBatchOrganizationRegistrationTasksResult,
  DescribeBatchOrganizationRegistrationUrlsEvent,
  DescribeBatchOrganizationRegistrationUrlsResult,
} from './organizationContract';
import type {
  CreateUserVerifyUrlEvent,
  CreateUserVerifyUrlResult,
  EmptyEvent,
  GetUserVerifyStatusResult,
  WithdrawVerificationResult,
} from './verificationContract';

/** The functions the pages call (with the caller's WeChat identity). */
export interface CallableFunctions {
  createUserVerifyUrl: { event: CreateUserVerifyUrlEvent; result: CreateUserVerifyUrlResult };
  getUserVerifyStatus: { event: EmptyEvent; result: GetUserVerifyStatusResult };
  withdrawVerification: { event: EmptyEvent; result: WithdrawVerificationResult };
  createBatchOrganizationRegistrationTasks: {
    event: CreateBatchOrganizationRegistrationTasksEvent;
    result: CreateBatchOrganizationRegistrationTasksResult;
  };
  describeBatchOrganizationRegistrationUrls: {
    event: DescribeBatchOrganizationRegistrationUrlsEvent;
    result: DescribeBatchOrganizationRegistrationUrlsResult;
  };
  createBatchOrganizationAuthorizationUrl: {
    event: CreateBatchOrganizationAuthorizationUrlEvent;
    result: CreateBatchOrganizationAuthorizationUrlResult;
  };
  checkOperatorAccess: { event: EmptyEvent; result: CheckOperatorAccessResult };
}

export type CallableFunctionName = keyof CallableFunctions;
export type FunctionEvent<N extends CallableFunctionName> = CallableFunctions[N]['event'];
export type FunctionResult<N extends CallableFunctionName> = CallableFunctions[N]['result'];

/**
 * How each deployed function is started: `user` — by a page through `callFunction` (an OPENID is
 * required); `admin` — the same, for the operators listed in `ADMIN_OPENIDS` only; `http` — by the
 * cloud's HTTP access service (ESS callbacks); `timer` — by its timer trigger. Neither of the last
 * two carries an OPENID: a user calling them is refused.
 */
export type FunctionTrigger = 'user' | 'admin' | 'http' | 'timer';

/** Every deployed function. `satisfies` makes a callable function missing here a compile error. */
export const CLOUD_FUNCTIONS = {
  createUserVerifyUrl: 'user',
  getUserVerifyStatus: 'user',
  withdrawVerification: 'user',
  createBatchOrganizationRegistrationTasks: 'admin',
  describeBatchOrganizationRegistrationUrls: 'admin',
  createBatchOrganizationAuthorizationUrl: 'admin',
  checkOperatorAccess: 'admin',
  essCallback: 'http',
  purgeExpiredVerifications: 'timer',
} as const satisfies Record<CallableFunctionName, 'user' | 'admin'> &
  Record<string, FunctionTrigger>;

export type CloudFunctionName = keyof typeof CLOUD_FUNCTIONS;

/**
 * What a handler receives before parsing: only the event's own keys, each of unknown type. A
 * field added to an event type becomes readable here and must be validated before it is used.
 */
export type RawEvent<N extends CallableFunctionName> = {
  [K in keyof FunctionEvent<N>]?: unknown;
};
