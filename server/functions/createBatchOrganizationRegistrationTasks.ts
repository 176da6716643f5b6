/**
 * Cloud function `createBatchOrganizationRegistrationTasks` (operators only) — event
 * `{ organizations, endpoint?, batchAuthMethod?, requestKey?, confirmedNotSubmitted?,
 * proxyOrganizationId? }`. Registers the enterprises with ESS in tasks of at most 10, never twice
 * for a retried request, and never again for an enterprise this operator sent without an answer
 * within 7 days unless its code is in `confirmedNotSubmitted` (see
 * organizations/submission/registrationSubmission.ts). Answers `{ ok, taskIds, errorMessages,
 * rowStatuses, replayed }`, or `INVALID_INPUT` with `rowErrors` / `fieldErrors`.
 */
import { cloudFunction } from './runtime';
import { openRegistrationSubmission } from '../organizations/context';
import { invalidInputAnswer } from '../organizations/operatorFailure';
import { parseRegistrationEvent } from '../organizations/requests';
import { REGISTRATION_MESSAGES } from '../organizations/wording';

export const main = cloudFunction(
  'createBatchOrganizationRegistrationTasks',
  async (event, ctx) => {
    const request = parseRegistrationEvent(event);
    if (!request.ok) {
      ctx.log.info('input rejected', { rows: request.invalid.rowErrors?.length ?? 0 });
      return invalidInputAnswer(ctx.fail, request.invalid);
    }
    return openRegistrationSubmission(ctx).submit(ctx.caller.openid, request.value);
  },
  { messages: REGISTRATION_MESSAGES },
);
