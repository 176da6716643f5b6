/**
 * Cloud function `getUserVerifyStatus` — event `{}`. The caller's verification status, from what
 * the server remembered for their OPENID and ESS `DescribeUserVerifyStatus`.
 */
import { openPersonalVerification } from './personalVerificationContext';
import { cloudFunction } from './runtime';

export const main = cloudFunction('getUserVerifyStatus', async (_event, ctx) =>
  openPersonalVerification(ctx).getUserVerifyStatus(ctx.caller.openid),
);
