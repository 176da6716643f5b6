/**
 * A stray promise rejection of wx-server-sdk, caught so it cannot end the process.
 *
 * wx-server-sdk 4.0.2 (through @cloudbase/node-sdk 3.17.2, `TcbApiHttpRequester.prepareCredentials`)
 * starts every database request with an async credentials check whose promise it drops. Without
 * a Tencent Cloud key in the environment (`TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY`) —
 * off the WeChat cloud with `TCB_ENV` set, or a runtime that authorises with `WX_API_TOKEN` only —
 * that check rejects with nobody listening ("missing secretId or secretKey of tencent cloud"),
 * while the request itself goes on and answers or fails on its own. Node ≥ 15 ends the process on
 * an unhandled rejection, and with it every invocation the instance is serving.
 *
 * `absorbSdkCredentialRejections()` installs, once per process, a listener that recognises exactly
 * that rejection (the SDK's error with code `INVALID_PARAM` and that message), drops it and warns
 * once. Every other unhandled rejection keeps Node's default: when no other listener is installed
 * it is rethrown, so the process still ends on it (with `--unhandled-rejections=strict` Node does
 * not ask listeners at all; the default mode is assumed).
 */
import { createLogger } from '../log';

const INSTALLED_KEY = Symbol.for('ess-verify.sdkCredentialRejection.installed');

export function isSdkCredentialRejection(reason: unknown): boolean {
  return (
    reason instanceof Error &&
    (reason as Error & { code?: unknown }).code === 'INVALID_PARAM' &&
    reason.message.startsWith('missing secretId or secretKey of tencent cloud')
  );
}

export function absorbSdkCredentialRejections(): void {
  const registry = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (registry[INSTALLED_KEY]) return;
  registry[INSTALLED_KEY] = true;
  let warned = false;
  const listener = (reason: unknown) => {
    if (isSdkCredentialRejection(reason)) {
      if (!warned) {
        warned = true;
        createLogger({ component: 'store' }).warn(
          'wx-server-sdk found no Tencent Cloud key in the environment; its dropped credentials check was absorbed',
        );
      }
      return;
    }
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  };
  process.on('unhandledRejection', listener);
}
