/**
 * ESS callbacks (回调) as a sequence of small, pure steps — read the HTTP event → check the
 * configuration → verify the signature → open the body (decrypt, or plaintext) → parse the
 * message — each answering either its value or the HTTP status to stop with. Routing by `MsgType`
 * and acting are the function's (`server/functions/essCallback.ts`).
 *
 * Status policy: our own misconfiguration is 503 (ESS retries; the log says what is wrong), a
 * request we cannot read is 400, a bad or missing signature 403, and anything we read is 200.
 */
import { decryptEssCallback, hasValidContentSignature } from './essCallbackCrypto';
import type { HttpEvent } from './httpEvent';

/** A step that stops the pipeline: the HTTP status to answer and what the log should say. */
export interface Stop {
  stop: number;
  reason: string;
}

export type Step<T> = T | Stop;

export const isStop = (value: unknown): value is Stop =>
  typeof value === 'object' && value !== null && typeof (value as Stop).stop === 'number';

export interface CallbackRequest {
  /** The body exactly as sent (what `Content-Signature` signs). */
  rawBody: string;
  signature?: string;
}

/** 1. The HTTP access service's event → the raw body and signature header. */
export function readRequest(event: unknown): Step<CallbackRequest> {
  if (typeof event !== 'object' || event === null) return { stop: 400, reason: 'no HTTP event' };
  const { body, isBase64Encoded, headers, httpMethod } = event as HttpEvent;
  if (httpMethod !== undefined && typeof httpMethod !== 'string')
    return { stop: 400, reason: 'httpMethod is not a string' };
  if (typeof httpMethod === 'string' && httpMethod.toUpperCase() !== 'POST')
    return { stop: 405, reason: `method ${httpMethod}` };
  if (body !== undefined && body !== null && typeof body !== 'string')
    return { stop: 400, reason: 'body is not a string' };
  if (isBase64Encoded !== undefined && typeof isBase64Encoded !== 'boolean')
    return { stop: 400, reason: 'isBase64Encoded is not a boolean' };
  if (headers !== undefined && headers !== null && typeof headers !== 'object')
    return { stop: 400, reason: 'headers is not an object' };
  const text = body ?? '';
  const rawBody = isBase64Encoded ? Buffer.from(text, 'base64').toString('utf8') : text;
  const signatureHeader = Object.entries((headers ?? {}) as Record<string, unknown>).find(
    ([name]) => name.toLowerCase() === 'content-signature',
  )?.[1];
  return {
    rawBody,
    signature: typeof signatureHeader === 'string' ? signatureHeader : undefined,
  };
}

export interface CallbackSettings {
  /** The 32-character callback key (回调加密密钥); needed only for encrypted bodies. */
  key?: string;
  /** The callback token (回调签名 token): when set, every callback must be signed with it. */
  token?: string;
}

/** 2. Configuration from the environment; a key of the wrong length is our mistake: 503. */
export function readSettings(env: Record<string, string | undefined>): Step<CallbackSettings> {
  const key = env.ESS_CALLBACK_KEY?.trim() || undefined;
  const token = env.ESS_CALLBACK_TOKEN?.trim() || undefined;
  if (key !== undefined && Buffer.byteLength(key, 'utf8') !== 32) {
    return {
      stop: 503,
      reason: `ESS_CALLBACK_KEY must be the 32-character key set in the ESS console (it has ${key.length} characters)`,
    };
  }
  return { key, token };
}

/** 3. With a token configured, the body must carry its `Content-Signature`. */
export function checkSignature(
  request: CallbackRequest,
  settings: CallbackSettings,
): Step<{ signed: boolean }> {
  if (!settings.token) return { signed: false };
  if (!hasValidContentSignature(request.rawBody, request.signature, settings.token))
    return { stop: 403, reason: 'missing or wrong Content-Signature' };
  return { signed: true };
}

/** A callback message: `MsgType`, `MsgId` and the rest as ESS sent it. */
export interface CallbackMessage {
  msgType: string;
  msgId?: string;
  body: Record<string, unknown>;
}

/**
 * 4. The body → the message. `{"encrypt": …}` is decrypted with the key (no key: 503). A body
 * without `encrypt` is plaintext: accepted only when signed (ESS's URL check, or a company whose
 * callbacks are not encrypted); one without a `MsgType` (a URL check) is `null`: nothing to do.
 */
export function openBody(
  request: CallbackRequest,
  settings: CallbackSettings,
  signed: boolean,
): Step<CallbackMessage | null> {
  let outer: unknown = null;
  if (request.rawBody.trim()) {
    try {
      outer = JSON.parse(request.rawBody);
    } catch {
      return { stop: 400, reason: 'body is not JSON' };
    }
  }
  let message: unknown = outer;
  const encrypted = (outer as { encrypt?: unknown } | null)?.encrypt;
  if (typeof encrypted === 'string') {
    if (!settings.key)
      return {
        stop: 503,
        reason: 'ESS_CALLBACK_KEY is not set: encrypted callbacks cannot be read',
      };
    try {
      message = JSON.parse(decryptEssCallback(encrypted, settings.key));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      // Signed with our token, so it came from ESS: our key must be wrong (rotated in the
      // console?) — our configuration, 503, and ESS sends it again once it is fixed.
      if (signed)
        return {
          stop: 503,
          reason: `cannot decrypt a signed callback: check ESS_CALLBACK_KEY (${why})`,
        };
      return { stop: 400, reason: `cannot decrypt: ${why}` };
    }
  } else if (outer !== null && typeof outer === 'object' && 'MsgType' in outer && !signed) {
    return {
      stop: 403,
      reason: 'unencrypted callback without a signature (set ESS_CALLBACK_TOKEN to accept them)',
    };
  }
  return parseMessage(message);
}

/** 5. A decrypted (or plaintext) JSON value → the message, or null when it carries none. */
export function parseMessage(value: unknown): Step<CallbackMessage | null> {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return { stop: 400, reason: 'message is not a JSON object' };
  const body = value as Record<string, unknown>;
  if (body.MsgType === undefined) return null;
  if (typeof body.MsgType !== 'string') return { stop: 400, reason: 'MsgType is not a string' };
  return {
    msgType: body.MsgType,
    msgId: typeof body.MsgId === 'string' ? body.MsgId : undefined,
    body,
  };
}

/** The request reference our createUserVerifyUrl sent as `UserData` (base64), if it is one. */
export function requestRefOf(message: CallbackMessage): string | null {
  const data = (message.body.MsgData ?? message.body) as Record<string, unknown> | null;
  const userData = typeof data?.UserData === 'string' ? data.UserData : '';
  const ref = Buffer.from(userData, 'base64').toString('utf8');
  return /^vr_[\w-]{8,64}$/.test(ref) ? ref : null;
}
