/**
 * Cloud function `essCallback` — ESS's callback URL (回调地址), reached through the WeChat cloud's
 * HTTP access service (云开发 → HTTP 访问服务, with 集成响应 on, so the `statusCode` below is the
 * HTTP status ESS sees). Users cannot call it (an OPENID is answered FORBIDDEN).
 *
 * The request goes through the pipeline of `server/callback/callbackPipeline.ts` (read → settings
 * → signature → body → message), then is routed by `MsgType`. For `UserAccountVerify`
 * (企业引导个人实名认证后回调) the user is found by the UserData our `createUserVerifyUrl` sent (an
 * opaque request reference) and recorded verified with the strongest proof, `ess-callback`. Other
 * messages are acknowledged and ignored. Configuration: `ESS_CALLBACK_KEY` (the 32-character key
 * set in the ESS console), optional `ESS_CALLBACK_TOKEN` (then every callback must be signed).
 */
import {
  checkSignature,
  isStop,
  openBody,
  readRequest,
  readSettings,
  requestRefOf,
  type CallbackMessage,
  type Stop,
} from '../callback/callbackPipeline';
import { jsonReply, type HttpResult } from '../callback/httpEvent';
import { openPersonalVerification } from './personalVerificationContext';
import { cloudFunction, ConfigError, type FunctionContext } from './runtime';

const ok = (): HttpResult => jsonReply(200, { code: 0 });

function stopped(step: Stop, ctx: FunctionContext): HttpResult {
  const fields = { status: step.stop, reason: step.reason };
  if (step.stop >= 500) ctx.log.error('ESS callback not accepted: our configuration', fields);
  else ctx.log.warn('ESS callback refused', fields);
  return jsonReply(step.stop, {
    code: step.stop,
    message: step.stop >= 500 ? 'retry later' : 'refused',
  });
}

type MessageHandler = (message: CallbackMessage, ctx: FunctionContext) => Promise<HttpResult>;

async function onUserAccountVerify(
  message: CallbackMessage,
  ctx: FunctionContext,
): Promise<HttpResult> {
  const requestRef = requestRefOf(message);
  if (!requestRef) {
    ctx.log.info('ESS verification callback without our UserData', { msgId: message.msgId });
    return ok();
  }
  const outcome = await openPersonalVerification(ctx).completeFromCallback(requestRef);
  ctx.log.info('ESS verification callback', { msgId: message.msgId, requestRef, outcome });
  // ESS's status does not confirm it yet (it may lag its own callback): not 200, so that ESS
  // sends the callback again a little later instead of it being lost.
  if (outcome === 'not-verified') return jsonReply(503, { code: 503, message: 'retry later' });
  return ok();
}

/** What each message type does; the others are acknowledged and ignored. */
const HANDLERS: Record<string, MessageHandler> = {
  UserAccountVerify: onUserAccountVerify,
};

async function handle(event: unknown, ctx: FunctionContext): Promise<HttpResult> {
  const request = readRequest(event);
  if (isStop(request)) return stopped(request, ctx);
  const settings = readSettings(process.env);
  if (isStop(settings)) return stopped(settings, ctx);
  const signature = checkSignature(request, settings);
  if (isStop(signature)) return stopped(signature, ctx);
  const message = openBody(request, settings, signature.signed);
  if (isStop(message)) return stopped(message, ctx);
  if (!message) {
    ctx.log.info('ESS callback without a message (URL check)');
    return ok();
  }
  const handler = HANDLERS[message.msgType];
  if (!handler) {
    ctx.log.info('ESS callback ignored', { msgType: message.msgType, msgId: message.msgId });
    return ok();
  }
  return handler(message, ctx);
}

export const main = cloudFunction('essCallback', async (event, ctx) => {
  try {
    return await handle(event, ctx);
  } catch (error) {
    if (error instanceof ConfigError) {
      return stopped({ stop: 503, reason: `ESS configuration incomplete: ${error.message}` }, ctx);
    }
    // ESS retries a callback that is not answered 200: an ESS or store failure (or a bug of
    // ours) is answered 503, so the callback comes again rather than being lost.
    ctx.log.error('ESS callback failed; ESS will retry', {
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return jsonReply(503, { code: 503, message: 'retry later' });
  }
});
