/**
 * Cloud function `createBatchOrganizationAuthorizationUrl` (admins only) — event `{ adminName,
 * adminMobile, adminIdCardType?, adminIdCardNumber?, subTaskIds?, endpoint, proxyOrganizationId? }`.
 * One link through which the super admin completes the registration of their enterprises:
 * `{ ok, authUrl, expireTime, errorMessages, miniAppId?, envVersion? }`.
 */
import { cloudFunction } from './runtime';
import { openBatchAuthorization } from '../organizations/context';
import { AUTHORIZATION_MESSAGES } from '../organizations/messages';
import { parseAuthorizationEvent } from '../organizations/requests';

export const main = cloudFunction(
  'createBatchOrganizationAuthorizationUrl',
  async (event, ctx) => {
    const request = parseAuthorizationEvent(event);
    if (!request.ok) {
      ctx.log.info('input rejected', {
        fields: Object.keys(request.failure.fieldErrors ?? {}).join(','),
      });
      return request.failure;
    }
    return openBatchAuthorization(ctx).createUrl(ctx.caller.openid, request.value);
  },
  { messages: AUTHORIZATION_MESSAGES },
);
