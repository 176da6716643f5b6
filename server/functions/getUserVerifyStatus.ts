/**
 * Cloud function `getUserVerifyStatus` — event `{}`. The caller's verification status, from what
 * the server remembered for their OPENID and ESS `DescribeUserVerifyStatus`.
 */
import type { GetUserVerifyStatusResult } from '../../src/domain/verificationContract';
import { openPersonalVerification } from './personalVerificationContext';
import { cloudFunction } from './runtime';

export const main = cloudFunction<GetUserVerifyStatusResult>(
  'getUserVerifyStatus',
  async (_event, ctx) => openPersonalVerification(ctx).getUserVerifyStatus(ctx.caller.openid),
);
