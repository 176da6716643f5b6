import { messageFor, type ErrorCode } from '../src/domain/errors';
import type { FailureResult } from '../src/domain/verificationContract';

/** A failed answer with the user-facing Chinese message for `code`. */
export function failure(
  code: ErrorCode,
  extra: Partial<Omit<FailureResult, 'ok' | 'code'>> = {},
): FailureResult {
  return { ok: false, code, message: messageFor(code), ...extra };
}
