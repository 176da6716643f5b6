/**
 * What every cloud function shares: the caller's identity (OPENID from wx-server-sdk's
 * `getWXContext()`, never from the event), configuration, the store, the ESS gateway, a request
 * logger, and the mapping of failures to `{ ok: false, code, message, requestId }`.
 */
import { randomBytes } from 'crypto';
import type { ErrorCode } from '../../src/domain/errors';
import type { FailureResult } from '../../src/domain/verificationContract';
import { loadEssConfig, type EssConfig } from '../config';
import { EssCallError } from '../ess/essError';
import { createEssGateway, type EssGateway } from '../ess/essGateway';
import { failure } from '../failure';
import { createLogger, shortenOpenId, type Logger } from '../log';
import { openStore } from '../store/openStore';
import type { StoreFactory } from '../store/documentStore';
import { getCaller, type CallerContext } from '../wxCloud';

/** `TCB_SOURCE` the local H5 gateway sets for browser calls (WeChat sets e.g. `wx_client`). */
export const LOCAL_H5_SOURCE = 'local_h5_gateway';

export interface FunctionContext {
  caller: CallerContext & { openid: string };
  log: Logger;
  store: StoreFactory;
  /** Loads configuration; a missing or invalid value answers `CONFIG_ERROR`. */
  essConfig(): EssConfig;
  ess(): EssGateway;
}

class ConfigError extends Error {}

export type FunctionHandler<R> = (
  event: Record<string, unknown>,
  ctx: FunctionContext,
) => Promise<R | FailureResult>;

export interface CloudFunctionOptions {
  /**
   * Messages for the failures the runtime answers (configuration, ESS errors, …) where the
   * default wording (written for personal verification) does not fit the function.
   */
  messages?: Partial<Record<ErrorCode, string>>;
  /**
   * `user` (default): called by a WeChat user, whose OPENID is required. `timer`: run by a timer
   * trigger; `http`: called through the cloud's HTTP access service (ESS callbacks). Neither
   * carries an OPENID; a call that does, i.e. from a user, is answered FORBIDDEN.
   */
  trigger?: 'user' | 'timer' | 'http';
}

export function cloudFunction<R>(
  name: string,
  handler: FunctionHandler<R>,
  options: CloudFunctionOptions = {},
) {
  const fail = (code: ErrorCode, extra: { requestId?: string } = {}): FailureResult => {
    const message = options.messages?.[code];
    return failure(code, message ? { ...extra, message } : extra);
  };
  return async function main(
    event: unknown,
    context?: { request_id?: string },
  ): Promise<R | FailureResult> {
    // Read the caller first and synchronously: the local gateway sets the identity per call.
    const caller = getCaller();
    const invocation = context?.request_id ?? randomBytes(6).toString('hex');
    const log = createLogger({
      fn: name,
      invocation,
      openid: shortenOpenId(caller.openid ?? undefined),
    });
    const started = Date.now();
    if (options.trigger === 'timer' || options.trigger === 'http') {
      if (caller.openid) {
        log.warn('a scheduled function was called by a user');
        return fail('FORBIDDEN');
      }
    } else if (!caller.openid) {
      log.warn('no caller identity (OPENID)');
      return fail('NO_IDENTITY');
    }
    let config: EssConfig | null = null;
    let gateway: EssGateway | null = null;
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
        gateway ??= createEssGateway({ config: ctx.essConfig(), log });
        return gateway;
      },
    };
    try {
      const body = event && typeof event === 'object' ? (event as Record<string, unknown>) : {};
      const result = await handler(body, ctx);
      log.info('done', { ok: (result as { ok?: boolean }).ok, durationMs: Date.now() - started });
      return result;
    } catch (error) {
      if (error instanceof ConfigError) {
        log.error('configuration incomplete', { problems: error.message });
        return fail('CONFIG_ERROR');
      }
      if (error instanceof EssCallError) {
        const { userCode, requestId } = error.failure;
        return fail(userCode, requestId ? { requestId } : {});
      }
      log.error('unexpected error', {
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return fail('INTERNAL');
    }
  };
}
