/**
 * Cloud function `createUserVerifyUrl` — event `{ name, idCardNumber, mobile }`.
 * Answers the ESS link where the caller completes real-name verification (or `verified: true`).
 */
import { checkVerificationInput } from '../../src/domain/verificationInput';
import { openPersonalVerification, channelFor } from './personalVerificationContext';
import { cloudFunction } from './runtime';

export const main = cloudFunction('createUserVerifyUrl', async (event, ctx) => {
  const checked = checkVerificationInput(event);
  if (!checked.ok) {
    ctx.log.info('input rejected', { fields: Object.keys(checked.errors).join(',') });
    return ctx.fail('INVALID_INPUT', { fieldErrors: checked.errors });
  }
  const channel = channelFor(ctx);
  if (!channel) return ctx.fail('CONFIG_ERROR');
  return openPersonalVerification(ctx).createUserVerifyUrl(
    ctx.caller.openid,
    checked.value,
    channel,
  );
});
