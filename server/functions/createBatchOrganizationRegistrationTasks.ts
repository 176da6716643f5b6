/**
 * Cloud function `createBatchOrganizationRegistrationTasks` (admins only) — event
 * `{ organizations, endpoint?, batchAuthMethod?, requestKey?, confirmedNotSubmitted? }`. Registers
 * the enterprises with ESS in tasks of at most 10, never twice for a retried request, and never
 * again for an enterprise this admin sent without an answer within 7 days unless its code is in
 * `confirmedNotSubmitted` (see registrationSubmission.ts). Answers `{ ok, taskIds, errorMessages,
 * rowStatuses, replayed }`, or `INVALID_INPUT` with `rowErrors` / `fieldErrors`.
 */
import { cloudFunction } from './runtime';
import { openRegistrationSubmission } from '../organizations/context';
import { REGISTRATION_MESSAGES } from '../organizations/messages';
import { parseRegistrationEvent } from '../organizations/requests';

export const main = cloudFunction(
  'createBatchOrganizationRegistrationTasks',
  async (event, ctx) => {
    const request = parseRegistrationEvent(event);
    if (!request.ok) {
      ctx.log.info('input rejected', { rows: request.failure.rowErrors?.length ?? 0 });
      return request.failure;
    }
    return openRegistrationSubmission(ctx).submit(ctx.caller.openid, request.value);
  },
  { messages: REGISTRATION_MESSAGES },
);
