/**
 * What went wrong with an ESS call, in terms the product can act on: whether to retry, and which
 * user-facing error code to answer. The ESS code and RequestId are kept for the operator's log.
 */
import type { ErrorCode } from '../../src/domain/errors';

export interface EssFailure {
  /** ESS's `Response.Error.Code`, or `Network.Timeout` / `Network.Error` when no answer came. */
  essCode: string;
  /** ESS's message (for the log; may contain parameter names, never shown to users as is). */
  essMessage: string;
  /** ESS's RequestId, when ESS answered. */
  requestId: string;
  retryable: boolean;
  userCode: ErrorCode;
}

interface SdkErrorShape {
  code?: unknown;
  message?: unknown;
  requestId?: unknown;
  httpCode?: unknown;
}

const NETWORK_TIMEOUT = /network timeout|timed? ?out|ETIMEDOUT|ESOCKETTIMEDOUT|aborted/i;
const NETWORK_ERROR =
  /ECONNRESET|ECONNREFUSED|EPIPE|EAI_AGAIN|ENOTFOUND|socket hang up|request to .* failed/i;

function classify(essCode: string): Pick<EssFailure, 'retryable' | 'userCode'> {
  if (essCode === 'Network.Timeout') return { retryable: true, userCode: 'ESS_TIMEOUT' };
  if (essCode === 'Network.Error') return { retryable: true, userCode: 'ESS_UNAVAILABLE' };
  if (essCode.startsWith('RequestLimitExceeded'))
    return { retryable: true, userCode: 'RATE_LIMITED' };
  if (essCode.startsWith('InternalError')) return { retryable: true, userCode: 'ESS_UNAVAILABLE' };
  if (essCode === 'Http.ServerError') return { retryable: true, userCode: 'ESS_UNAVAILABLE' };
  if (/^(InvalidParameter|MissingParameter|UnknownParameter|InvalidParameterValue)/.test(essCode)) {
    return { retryable: false, userCode: 'ESS_REJECTED' };
  }
  if (
    /^(AuthFailure|UnauthorizedOperation|OperationDenied|InvalidAction|NoSuchVersion|UnsupportedOperation|ResourceNotFound)/.test(
      essCode,
    )
  ) {
    return { retryable: false, userCode: 'ESS_CONFIG' };
  }
  return { retryable: false, userCode: 'ESS_FAILED' };
}

/** Turns whatever the SDK threw into an `EssFailure`. */
export function toEssFailure(error: unknown): EssFailure {
  const e = (error ?? {}) as SdkErrorShape;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const requestId = typeof e.requestId === 'string' ? e.requestId : '';
  let essCode: string;
  if (typeof e.code === 'string' && e.code) essCode = e.code;
  else if (typeof e.httpCode === 'number')
    essCode = e.httpCode >= 500 ? 'Http.ServerError' : `Http.${e.httpCode}`;
  else if (NETWORK_TIMEOUT.test(message)) essCode = 'Network.Timeout';
  else if (NETWORK_ERROR.test(message)) essCode = 'Network.Error';
  else essCode = 'Unknown';
  return { essCode, essMessage: message, requestId, ...classify(essCode) };
}

/** Thrown by the ESS gateway wrapper once retries are exhausted or the error is final. */
export class EssCallError extends Error {
  constructor(
    readonly action: string,
    readonly failure: EssFailure,
    readonly attempts: number,
    /** Some attempt got no answer from ESS (a time-out, a dropped connection): it may have acted. */
    readonly mayHaveTakenEffect = !failure.requestId,
  ) {
    super(`${action} failed: ${failure.essCode} (${failure.requestId || 'no RequestId'})`);
    this.name = 'EssCallError';
  }
}

/**
 * No turn at ESS within this invocation's time: ESS allows a fixed number of calls per second per
 * action, shared by every function instance, and the queue ahead is longer than the time left.
 * Nothing was sent. The caller should come back after `retryAfterMs`.
 */
export class EssQueuedError extends Error {
  constructor(
    readonly action: string,
    readonly retryAfterMs: number,
    /** An earlier attempt of the same call got no answer from ESS: it may have acted. */
    readonly mayHaveTakenEffect = false,
  ) {
    super(`${action}: no ESS slot within the time budget (retry after ${retryAfterMs} ms)`);
    this.name = 'EssQueuedError';
  }
}
