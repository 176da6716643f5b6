/**
 * ESS calls that create something and are not idempotent (CreateBatchOrganizationRegistrationTasks:
 * the same enterprises sent twice make two tasks). The shared gateway retries every transient
 * failure, a time-out included, but a request that timed out may well have been carried out.
 * This is the shared gateway configured to repeat a call only when ESS answered with a retryable
 * error (InternalError, RequestLimitExceeded: ESS says it did nothing); a call that got no answer
 * is never repeated, and the caller records its outcome as unknown.
 */
import type { EssConfig } from '../config';
import type { EssFailure } from '../ess/essError';
import { createEssGateway, type CallPacer, type EssGateway } from '../ess/essGateway';
import type { RetryPolicy } from '../ess/retry';
import type { Logger } from '../log';

/** ESS answered (with its RequestId): the error is ESS's verdict, not a lost request. */
function essAnswered(failure: EssFailure): boolean {
  return failure.requestId !== '';
}

export type SubmitGateway = EssGateway;

export interface SubmitGatewayOptions {
  config: EssConfig;
  log: Logger;
  /** The pacing every function instance shares (ESS_RATE_LIMIT per action). */
  pacer?: CallPacer;
  /** As the shared gateway's: ESS calls of one invocation end in time for an answer. */
  budgetMs?: number;
  retry?: Partial<RetryPolicy>;
}

export function createSubmitGateway(options: SubmitGatewayOptions): SubmitGateway {
  return createEssGateway({
    ...options,
    retryWhen: (failure) => failure.retryable && essAnswered(failure),
  });
}
