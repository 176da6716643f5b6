import { messageFor, type ErrorCode } from '../src/domain/errors';
import type { FailureResult } from '../src/domain/verificationContract';

/** A function's own wording for some failure codes; the others keep the default message. */
export type MessageTable = Partial<Record<ErrorCode, string>>;

export type FailureExtra = Partial<Omit<FailureResult, 'ok' | 'code'>>;

/** A failed answer with the default user-facing Chinese message for `code`. */
export function failure(code: ErrorCode, extra: FailureExtra = {}): FailureResult {
  return failureIn(undefined, code, extra);
}

/**
 * A failed answer worded by `messages` (a function's table), falling back to the default message.
 * An explicit `extra.message` (a message about this very request) wins over both.
 */
export function failureIn(
  messages: MessageTable | undefined,
  code: ErrorCode,
  extra: FailureExtra = {},
): FailureResult {
  return { ok: false, code, message: messages?.[code] ?? messageFor(code), ...extra };
}

/** A failed answer in the wording of the function that gives it (`FunctionContext.fail`). */
export type Fail = (code: ErrorCode, extra?: FailureExtra) => FailureResult;
