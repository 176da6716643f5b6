import { ERROR_MESSAGES, type ErrorCode } from '../domain/errors';
import type { FailureResult } from '../domain/verificationContract';

/** A failure that happened on the device (network, no cloud, unreadable answer). */
export function localFailure(code: ErrorCode): FailureResult {
  return { ok: false, code, message: ERROR_MESSAGES[code] };
}

/** True when a server answered with something shaped like our contract (`{ ok: boolean, … }`). */
export function isContractResult(value: unknown): value is { ok: boolean } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/** Shown when the ESS mini-program / page cannot be opened. */
export const OPEN_LINK_FAILED_MESSAGE = '暂时无法打开腾讯电子签，请稍后重试';
/** Shown when a link of the other platform's kind reaches this one (misconfiguration). */
export const WRONG_LINK_KIND_MESSAGE = '当前环境无法打开这个实名链接，请在微信小程序中完成实名';
/** Half-screen opening failed and the caller offers no full-screen button of its own. */
export const HALF_SCREEN_FAILED_MESSAGE =
  '暂时无法在当前页面打开腾讯电子签，请稍后重试，或更新微信后再试';
