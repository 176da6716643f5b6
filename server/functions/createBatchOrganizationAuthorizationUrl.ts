/**
 * Cloud function `createBatchOrganizationAuthorizationUrl` (operators only) — event
 * `{ superAdminName, superAdminMobile, superAdminIdCardType?, superAdminIdCardNumber?,
 * subTaskIds?, endpoint, proxyOrganizationId? }`. One link through which the super admin
 * completes the registration of their enterprises: `{ ok, authUrl, expireTime, errorMessages,
 * miniAppId?, envVersion? }`.
 */
import { cloudFunction } from './runtime';
import { openBatchAuthorization } from '../organizations/context';
import { invalidInputAnswer } from '../organizations/operatorFailure';
import { parseAuthorizationEvent } from '../organizations/requests';
import { AUTHORIZATION_MESSAGES } from '../organizations/wording';

export const main = cloudFunction(
  'createBatchOrganizationAuthorizationUrl',
  async (event, ctx) => {
    const request = parseAuthorizationEvent(event);
    if (!request.ok) {
      ctx.log.info('input rejected', {
        fields: Object.keys(request.invalid.fieldErrors ?? {}).join(','),
      });
      return invalidInputAnswer(ctx.fail, request.invalid);
    }
    return openBatchAuthorization(ctx).createUrl(ctx.caller.openid, request.value);
  },
  { messages: AUTHORIZATION_MESSAGES },
);
