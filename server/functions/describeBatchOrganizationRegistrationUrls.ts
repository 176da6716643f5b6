/**
 * Cloud function `describeBatchOrganizationRegistrationUrls` (operators only) — event
 * `{ taskId, proxyOrganizationId? }`. The per-enterprise links of one of the caller's
 * registration tasks: `{ ok, ready: false }` while ESS is still processing it (the page polls),
 * then `{ ok, ready: true, rows, proxyOrganizationId? }`.
 */
import { cloudFunction } from './runtime';
import { openRegistrationUrls } from '../organizations/context';
import { invalidInputAnswer } from '../organizations/operatorFailure';
import { parseRegistrationUrlsEvent } from '../organizations/requests';
import { REGISTRATION_URLS_MESSAGES } from '../organizations/wording';

export const main = cloudFunction(
  'describeBatchOrganizationRegistrationUrls',
  async (event, ctx) => {
    const request = parseRegistrationUrlsEvent(event);
    if (!request.ok) return invalidInputAnswer(ctx.fail, request.invalid);
    return openRegistrationUrls(ctx).describe(ctx.caller.openid, request.value);
  },
  { messages: REGISTRATION_URLS_MESSAGES },
);
