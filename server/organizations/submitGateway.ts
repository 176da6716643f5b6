/**
 * ESS calls that create something and are not idempotent (CreateBatchOrganizationRegistrationTasks:
 * the same enterprises sent twice make two tasks). The shared gateway retries every transient
 * failure, a time-out included, but a request that timed out may well have been carried out.
 * Here a call is repeated only when ESS answered with a retryable error (InternalError,
 * RequestLimitExceeded: ESS says it did nothing); a call that got no answer is never repeated,
 * and the caller records its outcome as unknown.
 */
import type { EssConfig } from '../config';
import { EssCallError, type EssFailure } from '../ess/essError';
import {
  createEssGateway,
  DEFAULT_ESS_BUDGET_MS,
  rateLimitDelay,
  type EssGateway,
} from '../ess/essGateway';
import { withRetry, type RetryPolicy } from '../ess/retry';
import type { Logger } from '../log';

/** ESS answered (with its RequestId): the error is ESS's verdict, not a lost request. */
export function essAnswered(failure: EssFailure): boolean {
  return failure.requestId !== '';
}

export interface SubmitGateway extends EssGateway {
  /** Whether one more call (one attempt, up to the request time-out) still fits the budget. */
  hasTimeForCall(): boolean;
}

export interface SubmitGatewayOptions {
  config: EssConfig;
  log: Logger;
  /** As the shared gateway's: ESS calls of one invocation end in time for an answer. */
  budgetMs?: number;
  retry?: Partial<RetryPolicy>;
}

export function createSubmitGateway({
  config,
  log,
  budgetMs = DEFAULT_ESS_BUDGET_MS,
  retry,
}: SubmitGatewayOptions): SubmitGateway {
  const once = createEssGateway({ config, log, retry: { maxAttempts: 1 } });
  const deadline = Date.now() + budgetMs;
  const fitsBudget = (delayMs: number) =>
    Date.now() + delayMs + config.requestTimeoutMs <= deadline;
  const policy: RetryPolicy = {
    maxAttempts: config.maxAttempts,
    baseDelayMs: 300,
    maxDelayMs: 2000,
    delayFor: (error) =>
      error instanceof EssCallError && error.failure.userCode === 'RATE_LIMITED'
        ? rateLimitDelay()
        : undefined,
    fitsBudget,
    ...retry,
  };
  const safeToRepeat = (error: unknown) =>
    error instanceof EssCallError && error.failure.retryable && essAnswered(error.failure);

  return {
    hasTimeForCall: () => fitsBudget(0),
    call: (action, request) =>
      withRetry(
        () => once.call(action, request),
        safeToRepeat,
        policy,
        (_error, attempt, delayMs) =>
          log.warn('ess call will be retried (ESS answered that it did nothing)', {
            action,
            attempt,
            delayMs,
          }),
      ),
  };
}
