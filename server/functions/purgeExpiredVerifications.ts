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

/** Records read at a time; each batch gets its own ESS time budget (one status call each). */
export const PURGE_BATCH = 40;
/** The run stops starting batches after this long (its time-out is 60 s): the rest wait an hour. */
export const PURGE_RUN_MS = 40_000;

export const main = cloudFunction('purgeExpiredVerifications', async (_event, ctx) => {
  const started = Date.now();
  const hasTime = () => Date.now() - started < PURGE_RUN_MS;
  const store = ctx.store.collection<VerificationRecord>(VERIFICATION_COLLECTION);
  const seen = new Set<string>();
  let erased = 0;
  let verified = 0;
  // Batch after batch, so that names and ID numbers of expired links do not wait for later runs.
  while (hasTime()) {
    const due = (await store.findBelow('eraseAfter', Date.now(), PURGE_BATCH)).filter(
      ({ id }) => !seen.has(id),
    );
    if (!due.length) break;
    // A fresh ESS budget per batch: the last status check of each record has time to happen.
    const verification = openPersonalVerification(ctx, ctx.newEssGateway());
    for (const { id, doc } of due) {
      seen.add(id);
      const settled = await verification.settlePending(id, doc);
      if (settled?.status === 'expired') erased += 1;
      if (settled?.status === 'verified') verified += 1;
    }
  }
  // References of expired links can no longer be completed: drop them, all of them.
  const refs = ctx.store.collection<VerificationRefRecord>(VERIFICATION_REFS_COLLECTION);
  let staleRefs = 0;
  while (hasTime()) {
    const stale = await refs.findBelow('expiresAt', Date.now(), PURGE_BATCH);
    if (!stale.length) break;
    for (const { id } of stale) await refs.delete(id);
    staleRefs += stale.length;
  }
  ctx.log.info('expired verifications settled', {
    erased,
    verified,
    staleRefs,
    unfinished: !hasTime(),
  });
  return { ok: true, erased, verified };
});
