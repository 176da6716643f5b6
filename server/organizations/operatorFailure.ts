/**
 * How the enterprise services answer a failure: through the `fail` of their function's context,
 * worded by that function's table (`wording.ts`). Their answers carry their own field errors
 * (rows, super admin fields), so the personal flow's `fieldErrors` shape is left out here.
 */
import type { ErrorCode } from '../../src/domain/errors';
import type { RowError } from '../../src/domain/organizationContract';
import type { FailureResult } from '../../src/domain/verificationContract';
import type { FailureExtra } from '../failure';

export type OperatorFailure = Omit<FailureResult, 'fieldErrors'>;

/** `FunctionContext.fail`, as the enterprise services use it. */
export type OperatorFail = (
  code: ErrorCode,
  extra?: Omit<FailureExtra, 'fieldErrors'>,
) => OperatorFailure;

/** What is wrong with an event: a message, and the problems by row or by field. */
export interface InvalidInput<FieldErrors> {
  /** Replaces the table's INVALID_INPUT message (a problem of the request as a whole). */
  message?: string;
  rowErrors?: RowError[];
  fieldErrors?: FieldErrors;
}

/** The `INVALID_INPUT` answer for `invalid`, in the function's wording. */
export function invalidInputAnswer<FieldErrors>(
  fail: OperatorFail,
  invalid: InvalidInput<FieldErrors>,
): OperatorFailure & Omit<InvalidInput<FieldErrors>, 'message'> {
  const { message, ...details } = invalid;
  return { ...fail('INVALID_INPUT', message ? { message } : {}), ...details };
}
