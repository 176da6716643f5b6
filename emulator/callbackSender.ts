/**
 * ESS callbacks from the emulator: when a person completes a verification link that carried
 * UserData, ESS calls the company's callback URL with an encrypted `UserAccountVerify` message
 * (企业引导个人实名认证后回调). The emulator does the same when given `callback` options.
 */
import { randomUUID } from 'crypto';
import { sealCallbackBody, signCallbackBody } from './callbackCrypto';
import type { UserVerifyLink } from './state';

export interface CallbackTarget {
  /** The company's callback URL. */
  url: string;
  /** The 32-character callback key set in the ESS console. */
  key: string;
  /** When set, the body is signed in the `Content-Signature` header. */
  token?: string;
}

export async function sendVerifyCallback(
  target: CallbackTarget,
  link: UserVerifyLink,
  nowMs: number,
  log: (line: string) => void,
  /** Waits before a retry; false (the emulator is closing) ends the retries. */
  wait: (ms: number) => Promise<boolean>,
): Promise<void> {
  if (!link.userData) return;
  const message = {
    MsgId: randomUUID().replace(/-/g, ''),
    MsgType: 'UserAccountVerify',
    MsgVersion: 'v1',
    MsgData: { UserData: link.userData, VerifyTime: Math.floor(nowMs / 1000) },
  };
  const body = JSON.stringify({ encrypt: sealCallbackBody(JSON.stringify(message), target.key) });
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (target.token) headers['Content-Signature'] = signCallbackBody(body, target.token);
  // Like ESS, a callback not answered 200 is sent again a few times, a little later each time.
  for (let attempt = 1; attempt <= CALLBACK_ATTEMPTS; attempt += 1) {
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(3000),
      });
      log(`[ess-emulator] callback UserAccountVerify -> ${response.status} (attempt ${attempt})`);
      if (response.status === 200) return;
    } catch (error) {
      log(
        `[ess-emulator] callback UserAccountVerify failed (attempt ${attempt}): ${String(error)}`,
      );
    }
    if (attempt < CALLBACK_ATTEMPTS && !(await wait(RETRY_DELAY_MS * 2 ** (attempt - 1)))) return;
  }
}

/** Attempts per callback (ESS retries a callback that is not answered HTTP 200). */
export const CALLBACK_ATTEMPTS = 3;
/** Pause before the first retry; it doubles each time. */
const RETRY_DELAY_MS = 500;
