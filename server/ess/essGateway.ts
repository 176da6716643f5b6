/**
 * The one place that talks to Tencent ESS: the official SDK's ESS client (real TC3 signing and
 * HTTP), wrapped with retries for transient failures and an operator log line per call.
 */
import { ess } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess';
import type * as EssModels from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import type { EssConfig } from '../config';
import type { Logger } from '../log';
import { EssCallError, EssQueuedError, toEssFailure, type EssFailure } from './essError';
import { redactRequestValues } from './redactRequestValues';
import { withRetry, type RetryPolicy } from './retry';

/** The ESS actions this product uses, with the SDK's own request/response models. */
export interface EssActions {
  CreateUserVerifyUrl: [
    EssModels.CreateUserVerifyUrlRequest,
    EssModels.CreateUserVerifyUrlResponse,
  ];
  DescribeUserVerifyStatus: [
    EssModels.DescribeUserVerifyStatusRequest,
    EssModels.DescribeUserVerifyStatusResponse,
  ];
  CreateBatchOrganizationRegistrationTasks: [
    EssModels.CreateBatchOrganizationRegistrationTasksRequest,
    EssModels.CreateBatchOrganizationRegistrationTasksResponse,
  ];
  DescribeBatchOrganizationRegistrationUrls: [
    EssModels.DescribeBatchOrganizationRegistrationUrlsRequest,
    EssModels.DescribeBatchOrganizationRegistrationUrlsResponse,
  ];
  CreateBatchOrganizationAuthorizationUrl: [
    EssModels.CreateBatchOrganizationAuthorizationUrlRequest,
    EssModels.CreateBatchOrganizationAuthorizationUrlResponse,
  ];
}
export type EssAction = keyof EssActions;
export type EssRequest<A extends EssAction> = Omit<EssActions[A][0], 'Operator'>;
export type EssResponse<A extends EssAction> = EssActions[A][1];

/** How one call is made. */
export interface EssCallOptions {
  /**
   * Failures the caller takes as an ordinary answer (e.g. a registration task "still processing"
   * while the page polls): logged at level info, not error. They are still thrown.
   */
  expected?: (failure: EssFailure) => boolean;
}

export interface EssGateway {
  /** Calls `action` as the configured operator. Throws `EssCallError` when it finally fails. */
  call<A extends EssAction>(
    action: A,
    request: EssRequest<A>,
    options?: EssCallOptions,
  ): Promise<EssResponse<A>>;
  /** Whether one more call (one attempt, up to the request time-out) still fits the budget. */
  hasTimeForCall(): boolean;
}

/**
 * Spaces the calls of each action so that all function instances together stay within ESS's
 * per-action rate (see `pacer.ts`). `acquire` waits for this call's turn, or answers how long the
 * caller would have to wait when its turn would come after `deadline` (then nothing is reserved).
 */
export interface CallPacer {
  acquire(
    action: string,
    options: { deadline: number },
  ): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /** ESS itself answered RequestLimitExceeded for `action`: slow down. */
  penalize?(action: string): Promise<void>;
}

export interface EssGatewayOptions {
  config: EssConfig;
  log: Logger;
  /** Shared pacing of ESS calls across instances; without it calls go out at once. */
  pacer?: CallPacer;
  retry?: Partial<RetryPolicy>;
  /**
   * Time (ms from now) the ESS calls of one invocation may take, retries included: a retry that
   * could not finish within it is not started. Default 15 s, under the documented 20 s function
   * time-out, so the user gets an answer rather than a WeChat time-out.
   */
  budgetMs?: number;
  /**
   * Which failures are worth another attempt. Default: every transient one (`retryable`),
   * time-outs included — right for reads and for calls whose repetition is harmless.
   */
  retryWhen?: (failure: EssFailure) => boolean;
}

export const DEFAULT_ESS_BUDGET_MS = 15_000;

/**
 * ESS counts requests per second: after `RequestLimitExceeded`, wait into the next window, with
 * jitter so that a burst of callers spreads out instead of colliding again.
 */
export function rateLimitDelay(random: () => number = Math.random): number {
  return Math.round(500 + 1000 * random());
}

type SdkClient = InstanceType<typeof ess.v20201111.Client>;

export function createEssClient(config: EssConfig): SdkClient {
  return new ess.v20201111.Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region,
    profile: {
      httpProfile: {
        endpoint: config.endpoint.host,
        protocol: config.endpoint.protocol,
        reqTimeout: Math.max(1, Math.ceil(config.requestTimeoutMs / 1000)),
      },
    },
  });
}

export function createEssGateway({
  config,
  log,
  pacer,
  retry,
  budgetMs = DEFAULT_ESS_BUDGET_MS,
  retryWhen = (failure) => failure.retryable,
}: EssGatewayOptions): EssGateway {
  const client = createEssClient(config);
  const deadline = Date.now() + budgetMs;
  const fitsBudget = (delayMs: number) =>
    Date.now() + delayMs + config.requestTimeoutMs <= deadline;
  const policy: RetryPolicy = {
    maxAttempts: config.maxAttempts,
    baseDelayMs: 300,
    maxDelayMs: 2000,
    // With a pacer, a rate-limited call goes back into the queue (the pacer spaces it out);
    // without one, wait into ESS's next one-second window.
    delayFor: (error) =>
      toEssFailure(error).userCode === 'RATE_LIMITED' ? (pacer ? 0 : rateLimitDelay()) : undefined,
    fitsBudget,
    ...retry,
  };

  return {
    hasTimeForCall: () => fitsBudget(0),
    async call<A extends EssAction>(
      action: A,
      request: EssRequest<A>,
      options: EssCallOptions = {},
    ): Promise<EssResponse<A>> {
      const started = Date.now();
      const body = { ...request, Operator: { UserId: config.operatorId } };
      let attempts = 0;
      // Whether an attempt went unanswered: then ESS may have acted even if the call fails.
      let unanswered = false;
      try {
        const response = await withRetry(
          async (attempt) => {
            if (pacer) {
              // A turn that starts early enough for the request to finish within the budget.
              const turn = await pacer.acquire(action, {
                deadline: deadline - config.requestTimeoutMs,
              });
              if (!turn.ok) throw new EssQueuedError(action, turn.retryAfterMs, unanswered);
            }
            attempts = attempt;
            // The SDK's generated method for each action is `client[action](req)`.
            const method = client[action] as unknown as (req: unknown) => Promise<EssResponse<A>>;
            return method.call(client, body);
          },
          (error) => !(error instanceof EssQueuedError) && retryWhen(toEssFailure(error)),
          policy,
          (error, attempt, delayMs) => {
            const failure = toEssFailure(error);
            if (!failure.requestId) unanswered = true;
            if (failure.userCode === 'RATE_LIMITED' && pacer?.penalize) {
              // Best effort: a failed penalty write must not escape as an unhandled rejection.
              pacer.penalize(action).catch((penaltyError: unknown) =>
                log.warn('ess pacer penalty not recorded', {
                  action,
                  error:
                    penaltyError instanceof Error ? penaltyError.message : String(penaltyError),
                }),
              );
            }
            log.warn('ess call will be retried', {
              action,
              attempt,
              delayMs,
              essCode: failure.essCode,
              requestId: failure.requestId,
            });
          },
        );
        log.info('ess call succeeded', {
          action,
          attempts,
          durationMs: Date.now() - started,
          requestId: (response as { RequestId?: string }).RequestId,
        });
        return response;
      } catch (error) {
        if (error instanceof EssQueuedError) {
          log.info('ess call queued: no turn within the time budget', {
            action,
            attempts,
            retryAfterMs: error.retryAfterMs,
          });
          throw error;
        }
        const failure = toEssFailure(error);
        const level = options.expected?.(failure) ? 'info' : 'error';
        log[level]('ess call failed', {
          action,
          attempts,
          durationMs: Date.now() - started,
          essCode: failure.essCode,
          essMessage: redactRequestValues(failure.essMessage, request),
          requestId: failure.requestId,
        });
        throw new EssCallError(action, failure, attempts, unanswered || !failure.requestId);
      }
    },
  };
}
