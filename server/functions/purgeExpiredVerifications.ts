/**
 * Cloud function `purgeExpiredVerifications` — run hourly by a timer trigger (see its
 * config.json). Settles pending verifications whose link has expired, also for users who never
 * come back (getUserVerifyStatus does the same for those who do): verified if ESS says so,
 * otherwise the name and ID number are erased. Users cannot call it: a call carrying an OPENID is
 * answered FORBIDDEN.
 */
import {
  VERIFICATION_COLLECTION,
  VERIFICATION_REFS_COLLECTION,
  type VerificationRecord,
  type VerificationRefRecord,
} from '../verification/verificationRecord';
import { openPersonalVerification } from './personalVerificationContext';
import { cloudFunction } from './runtime';

/**
 * Records settled per run (one ESS status call each, well under ESS's 20 requests/s and the
 * function's time-out); the rest wait for the next run.
 */
export const PURGE_BATCH = 40;

export const main = cloudFunction('purgeExpiredVerifications', async (_event, ctx) => {
  const store = ctx.store.collection<VerificationRecord>(VERIFICATION_COLLECTION);
  const due = await store.findBelow('eraseAfter', Date.now(), PURGE_BATCH);
  const verification = openPersonalVerification(ctx);
  let erased = 0;
  let verified = 0;
  for (const { id, doc } of due) {
    const settled = await verification.settlePending(id, doc);
    if (settled?.status === 'expired') erased += 1;
    if (settled?.status === 'verified') verified += 1;
  }
  // References of expired links can no longer be completed: drop them.
  const refs = ctx.store.collection<VerificationRefRecord>(VERIFICATION_REFS_COLLECTION);
  const staleRefs = await refs.findBelow('expiresAt', Date.now(), PURGE_BATCH);
  for (const { id } of staleRefs) await refs.delete(id);
  ctx.log.info('expired verifications settled', {
    due: due.length,
    erased,
    verified,
    staleRefs: staleRefs.length,
  });
  return { ok: true, erased, verified };
});
