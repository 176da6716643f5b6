/**
 * Cloud function `describeBatchOrganizationRegistrationUrls` (admins only) — event `{ taskId }`.
 * The per-enterprise links of one of the caller's registration tasks: `{ ok, ready: false }` while
 * ESS is still processing it (the page polls), then `{ ok, ready: true, rows }`.
 */
import { cloudFunction } from './runtime';
import { openRegistrationUrls } from '../organizations/context';
import { REGISTRATION_URLS_MESSAGES } from '../organizations/messages';
import { parseTaskId } from '../organizations/requests';

export const main = cloudFunction(
  'describeBatchOrganizationRegistrationUrls',
  async (event, ctx) => {
    const taskId = parseTaskId(event);
    if (!taskId.ok) return taskId.failure;
    return openRegistrationUrls(ctx).describe(ctx.caller.openid, taskId.value);
  },
  { messages: REGISTRATION_URLS_MESSAGES },
);
