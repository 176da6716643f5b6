/**
 * Cloud function `essCallback` — ESS's callback URL (回调地址), reached through the WeChat cloud's
 * HTTP access service (云开发 → HTTP 访问服务, with 集成响应 on, so the `statusCode` below is the
 * HTTP status ESS sees). Users cannot call it (an OPENID is answered FORBIDDEN).
 *
 * For `UserAccountVerify` (企业引导个人实名认证后回调) it finds the user by the UserData our
 * `createUserVerifyUrl` sent (an opaque request reference), confirms with ESS's status, and
 * records them verified with the strongest proof, `ess-callback`. Other messages are acknowledged
 * and ignored. Configuration: `ESS_CALLBACK_KEY` (the 32-character key set in the ESS console),
 * optional `ESS_CALLBACK_TOKEN` (then the Content-Signature header is required and checked).
 */
import { decryptEssCallback, hasValidContentSignature } from '../callback/essCallbackCrypto';
import { openPersonalVerification } from './personalVerificationContext';
import { jsonReply, type HttpEvent, type HttpResult } from '../callback/httpEvent';
import { cloudFunction, type FunctionContext } from './runtime';

const reply = jsonReply;

function header(event: HttpEvent, name: string): string | undefined {
  const headers = (event.headers ?? {}) as Record<string, string | undefined>;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/** The request reference our createUserVerifyUrl sent as UserData (base64), if the message has one. */
function requestRefOf(message: Record<string, unknown>): string | null {
  const data = (message.MsgData ?? message) as Record<string, unknown>;
  const userData = typeof data.UserData === 'string' ? data.UserData : '';
  const ref = Buffer.from(userData, 'base64').toString('utf8');
  return /^vr_[\w-]{8,64}$/.test(ref) ? ref : null;
}

async function handle(event: HttpEvent, ctx: FunctionContext): Promise<HttpResult> {
  const key = process.env.ESS_CALLBACK_KEY?.trim();
  const token = process.env.ESS_CALLBACK_TOKEN?.trim();
  if (!key) {
    ctx.log.error('ESS_CALLBACK_KEY is not set: callbacks cannot be read');
    return reply(503, { code: 503, message: 'not configured' }); // ESS retries later
  }
  if (typeof event.httpMethod === 'string' && event.httpMethod.toUpperCase() !== 'POST')
    return reply(405, { code: 405 });
  const body = typeof event.body === 'string' ? event.body : '';
  const raw = event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  if (token && !hasValidContentSignature(raw, header(event, 'content-signature'), token)) {
    ctx.log.warn('ESS callback with a missing or wrong Content-Signature');
    return reply(403, { code: 403, message: 'bad signature' });
  }
  let message: Record<string, unknown>;
  try {
    const { encrypt } = JSON.parse(raw) as { encrypt?: unknown };
    if (typeof encrypt !== 'string') throw new Error('no encrypt field');
    message = JSON.parse(decryptEssCallback(encrypt, key)) as Record<string, unknown>;
  } catch (error) {
    ctx.log.warn('ESS callback could not be read', {
      error: error instanceof Error ? error.message : String(error),
    });
    return reply(400, { code: 400, message: 'unreadable' });
  }
  const msgType = typeof message.MsgType === 'string' ? message.MsgType : '';
  const msgId = typeof message.MsgId === 'string' ? message.MsgId : undefined;
  if (msgType !== 'UserAccountVerify') {
    ctx.log.info('ESS callback ignored', { msgType, msgId });
    return reply(200, { code: 0 });
  }
  const requestRef = requestRefOf(message);
  if (!requestRef) {
    ctx.log.info('ESS verification callback without our UserData', { msgId });
    return reply(200, { code: 0 });
  }
  let verification;
  try {
    verification = openPersonalVerification(ctx);
  } catch {
    ctx.log.error('ESS configuration incomplete: the callback will be retried by ESS');
    return reply(503, { code: 503, message: 'not configured' });
  }
  const outcome = await verification.completeFromCallback(requestRef);
  ctx.log.info('ESS verification callback', { msgId, requestRef, outcome });
  return reply(200, { code: 0 });
}

export const main = cloudFunction('essCallback', async (event, ctx) => {
  try {
    return await handle(event, ctx);
  } catch (error) {
    // ESS retries a callback that is not answered 200: say so rather than lose it.
    ctx.log.error('ESS callback failed', {
      error: error instanceof Error ? error.message : String(error),
    });
    return reply(500, { code: 500 });
  }
});
