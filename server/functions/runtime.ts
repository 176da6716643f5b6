/**
 * What every cloud function shares: the caller's identity (OPENID from wx-server-sdk's
 * `getWXContext()`, never from the event), configuration, the store, the ESS gateway, a request
 * logger, and the mapping of failures to `{ ok: false, code, message, requestId }` in the
 * function's own wording.
 */
import { randomBytes } from 'crypto';
import {
  CLOUD_FUNCTIONS,
  type CallableFunctionName,
  type CloudFunctionName,
  type FunctionResult,
  type RawEvent,
} from '../../src/domain/functionContract';
import type { FailureResult } from '../../src/domain/verificationContract';
import { isAdmin } from '../admin';
import { loadEssConfig, type EssConfig } from '../config';
import { EssCallError, EssQueuedError } from '../ess/essError';
import { createEssGateway, type CallPacer, type EssGateway } from '../ess/essGateway';
import { createPacer, RATE_SLOTS_COLLECTION, type RateSlotRecord } from '../ess/pacer';
import { failureIn, type Fail, type MessageTable } from '../failure';
import { createLogger, shortenOpenId, type Logger } from '../log';
import { openStore } from '../store/openStore';
import type { StoreFactory } from '../store/documentStore';
import { getCaller, type CallerContext } from '../wxCloud';
import type { ServerOnlyFunctions } from './serverOnlyFunctions';

/** `TCB_SOURCE` the local H5 gateway sets for browser calls (WeChat sets e.g. `wx_client`). */
export const LOCAL_H5_SOURCE = 'local_h5_gateway';

export interface FunctionContext {
  caller: CallerContext & { openid: string };
  log: Logger;
  store: StoreFactory;
  /** Loads configuration; a missing or invalid value answers `CONFIG_ERROR`. */
  essConfig(): EssConfig;
  /** ESS calls through the shared pacer, with retries, within this invocation's time budget. */
  ess(): EssGateway;
  /**
   * A gateway with a time budget of its own (the shared pacer, the same retries): for a run that
   * works through several batches of ESS calls, such as the hourly purge.
   */
  newEssGateway(): EssGateway;
  /** The pacing shared by every instance (ESS_RATE_LIMIT calls per second per action). */
  pacer(): CallPacer;
  /** A failed answer in this function's wording (its message table, then the defaults). */
  fail: Fail;
}

/** Thrown by `ctx.essConfig()` when configuration is missing or invalid. */
export class ConfigError extends Error {}

/** When a transient ESS failure outlasted the invocation: come back after about this long. */
export const TRANSIENT_RETRY_AFTER_MS = 2000;

type EventOf<N extends CloudFunctionName> = N extends CallableFunctionName
  ? RawEvent<N>
  : N extends keyof ServerOnlyFunctions
    ? ServerOnlyFunctions[N]['event']
    : never;
type ResultOf<N extends CloudFunctionName> = N extends CallableFunctionName
  ? FunctionResult<N>
  : N extends keyof ServerOnlyFunctions
    ? ServerOnlyFunctions[N]['result'] | FailureResult
    : never;

export type FunctionHandler<N extends CloudFunctionName> = (
  event: EventOf<N>,
  ctx: FunctionContext,
) => Promise<ResultOf<N>>;

export interface CloudFunctionOptions {
  /**
   * The function's wording for failures, returned (`ctx.fail`) or thrown (configuration, ESS
   * errors): whatever the table does not name gets the default (personal-verification) message.
   */
  messages?: MessageTable;
}

/**
 * A cloud function's `main`. How it may be called follows `CLOUD_FUNCTIONS[name]`: `user` and
 * `admin` need the caller's OPENID (`admin`: one listed in `ADMIN_OPENIDS`, checked before the
 * event is read); `http` and `timer` carry none, and a call that does is answered FORBIDDEN.
 */
export function cloudFunction<N extends CloudFunctionName>(
  name: N,
  handler: FunctionHandler<N>,
  options: CloudFunctionOptions = {},
) {
  const trigger = CLOUD_FUNCTIONS[name];
  const fail: Fail = (code, extra) => failureIn(options.messages, code, extra);
  return async function main(
    event: unknown,
    context?: { request_id?: string },
  ): Promise<ResultOf<N> | FailureResult> {
    // Read the caller first and synchronously: the local gateway sets the identity per call.
    const caller = getCaller();
    const invocation = context?.request_id ?? randomBytes(6).toString('hex');
    const log = createLogger({
      fn: name,
      invocation,
      openid: shortenOpenId(caller.openid ?? undefined),
    });
    const started = Date.now();
    if (trigger === 'timer' || trigger === 'http') {
      if (caller.openid) {
        log.warn(`a ${trigger}-triggered function was called by a user`);
        return fail('FORBIDDEN');
      }
    } else if (!caller.openid) {
      log.warn('no caller identity (OPENID)');
      return fail('NO_IDENTITY');
    } else if (trigger === 'admin' && !isAdmin(caller.openid, log)) {
      return fail('FORBIDDEN');
    }
    let config: EssConfig | null = null;
    let gateway: EssGateway | null = null;
    let pacer: CallPacer | null = null;
    const ctx: FunctionContext = {
      // '' only for timer / HTTP-triggered functions, which act for no user.
      caller: { ...caller, openid: caller.openid ?? '' },
      log,
      store: openStore(),
      essConfig() {
        if (config) return config;
        const loaded = loadEssConfig();
        if (!loaded.ok) throw new ConfigError(loaded.problems.join('; '));
        config = loaded.config;
        return config;
      },
      ess() {
        gateway ??= ctx.newEssGateway();
        return gateway;
      },
      newEssGateway() {
        return createEssGateway({ config: ctx.essConfig(), log, pacer: ctx.pacer() });
      },
      pacer() {
        pacer ??= createPacer({
          store: ctx.store.collection<RateSlotRecord>(RATE_SLOTS_COLLECTION),
          ratePerSecond: ctx.essConfig().rateLimitPerSecond,
        });
        return pacer;
      },
      fail,
    };
    try {
      const body = event && typeof event === 'object' ? (event as Record<string, unknown>) : {};
      const result = await handler(body as EventOf<N>, ctx);
      log.info('done', { ok: (result as { ok?: boolean }).ok, durationMs: Date.now() - started });
      return result;
    } catch (error) {
      if (error instanceof ConfigError) {
        log.error('configuration incomplete', { problems: error.message });
        return fail('CONFIG_ERROR');
      }
      if (error instanceof EssQueuedError) {
        return fail('QUEUED', { retryAfterMs: error.retryAfterMs });
      }
      if (error instanceof EssCallError) {
        const { userCode, requestId, retryable } = error.failure;
        // Still failing after the retries this invocation had time for: worth another go soon.
        const retry = retryable ? { retryAfterMs: TRANSIENT_RETRY_AFTER_MS } : {};
        return fail(userCode, { ...retry, ...(requestId ? { requestId } : {}) });
      }
      log.error('unexpected error', {
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return fail('INTERNAL');
    }
  };
}
