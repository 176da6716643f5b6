/**
 * Cloud function `withdrawVerification` — event `{}` → `{ ok: true }`. The caller withdraws their
 * consent: everything stored about their verification is erased (record, masked values, hashes,
 * link references). ESS keeps its own record of the verification; this erases our copy only.
 */
import { withdrawVerification } from '../verification/personalVerification';
import { verificationStores } from './personalVerificationContext';
import { cloudFunction } from './runtime';

export const main = cloudFunction('withdrawVerification', async (_event, ctx) => {
  await withdrawVerification({ ...verificationStores(ctx), log: ctx.log }, ctx.caller.openid);
  return { ok: true };
});
