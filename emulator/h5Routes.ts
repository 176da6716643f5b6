/**
 * Routes of the H5 verification page handed out by CreateUserVerifyUrl (Endpoint H5 / H5_SHORT_URL):
 *   GET  /h5/verify?shortKey=K        the page
 *   POST /h5/verify/complete          form shortKey=K: marks the person verified, then 302 to JumpUrl
 *   POST /h5/verify/cancel            form shortKey=K: 302 to JumpUrl without verifying
 * Without a JumpUrl, both answer a short result page instead of redirecting.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { renderMessagePage, renderVerifyPage } from './h5Page';
import { BodyTooLargeError, readBody, redirect, sendHtml, sendText } from './http';
import { H5_VERIFY_PATH } from './links';
import type { EmulatorState, UserVerifyLink } from './state';

const MAX_FORM_BYTES = 16 * 1024;

type LinkLookup = { link: UserVerifyLink } | { status: number; title: string; message: string };

function findLink(shortKey: string | null, state: EmulatorState, nowMs: number): LinkLookup {
  const link = shortKey ? state.userVerifyLinks.get(shortKey) : undefined;
  if (!link || (link.endpoint !== 'H5' && link.endpoint !== 'H5_SHORT_URL')) {
    return { status: 404, title: '链接无效', message: '实名链接不存在，请返回重新获取。' };
  }
  if (nowMs >= link.expiresAtMs) {
    return {
      status: 410,
      title: '链接已过期',
      message: '实名链接已过期（有效期7天），请返回重新获取。',
    };
  }
  return { link };
}

async function readFormShortKey(req: IncomingMessage): Promise<string | null> {
  const body = await readBody(req, MAX_FORM_BYTES);
  return new URLSearchParams(body.toString('utf8')).get('shortKey');
}

function finish(res: ServerResponse, link: UserVerifyLink, title: string, message: string): void {
  if (link.jumpUrl) redirect(res, link.jumpUrl);
  else sendHtml(res, 200, renderMessagePage(title, message));
}

/** Handles a request under /h5/; answers 404 for anything it does not know. */
export async function handleH5Request(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  state: EmulatorState,
  nowMs: number,
  /** Called once a person completed a link (the emulator then sends ESS's callback). */
  onCompleted: (link: UserVerifyLink) => Promise<void> = async () => undefined,
): Promise<void> {
  const route = `${req.method ?? ''} ${url.pathname}`;
  if (route === `GET ${H5_VERIFY_PATH}`) {
    const lookup = findLink(url.searchParams.get('shortKey'), state, nowMs);
    if (!('link' in lookup)) {
      return sendHtml(res, lookup.status, renderMessagePage(lookup.title, lookup.message));
    }
    const { link } = lookup;
    return sendHtml(
      res,
      200,
      renderVerifyPage({
        shortKey: link.shortKey,
        name: link.name,
        idCardNumber: link.idCardNumber,
        alreadyVerified: state.isVerified(link.name, link.idCardNumber),
        jumpUrl: link.jumpUrl,
      }),
    );
  }

  const isComplete = route === `POST ${H5_VERIFY_PATH}/complete`;
  const isCancel = route === `POST ${H5_VERIFY_PATH}/cancel`;
  if (!isComplete && !isCancel) return sendText(res, 404, 'Not Found');

  let shortKey: string | null;
  try {
    shortKey = await readFormShortKey(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendText(res, 413, 'Payload Too Large');
    throw error;
  }
  const lookup = findLink(shortKey, state, nowMs);
  if (!('link' in lookup)) {
    return sendHtml(res, lookup.status, renderMessagePage(lookup.title, lookup.message));
  }
  const { link } = lookup;
  if (isComplete) {
    state.markVerified(link.name, link.idCardNumber);
    await onCompleted(link);
    return finish(res, link, '实名完成', '你已完成实名认证，可以关闭本页面。');
  }
  return finish(res, link, '已取消', '你已取消实名认证，可以关闭本页面。');
}
