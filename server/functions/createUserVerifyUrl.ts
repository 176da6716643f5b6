/**
 * Cloud function `createUserVerifyUrl` — event `{ name, idCardNumber, mobile }`.
 * Answers the ESS link where the caller completes real-name verification (or `verified: true`).
 */
import { checkVerificationInput } from '../../src/domain/verificationInput';
import type { CreateUserVerifyUrlResult } from '../../src/domain/verificationContract';
import { failure } from '../failure';
import { openPersonalVerification, channelFor } from './personalVerificationContext';
import { cloudFunction } from './runtime';

export const main = cloudFunction<CreateUserVerifyUrlResult>(
  'createUserVerifyUrl',
  async (event, ctx) => {
    const checked = checkVerificationInput(event);
    if (!checked.ok) {
      ctx.log.info('input rejected', { fields: Object.keys(checked.errors).join(',') });
      return failure('INVALID_INPUT', { fieldErrors: checked.errors });
    }
    const channel = channelFor(ctx);
    if (!channel) return failure('CONFIG_ERROR');
    return openPersonalVerification(ctx).createUserVerifyUrl(
      ctx.caller.openid,
      checked.value,
      channel,
    );
  },
);
