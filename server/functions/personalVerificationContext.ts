import { personalVerification, type VerifyChannel } from '../verification/personalVerification';
import type { LinkQuotaRecord } from '../verification/linkQuota';
import {
  LINK_QUOTA_COLLECTION,
  VERIFICATION_COLLECTION,
  VERIFICATION_REFS_COLLECTION,
  type VerificationRecord,
  type VerificationRefRecord,
} from '../verification/verificationRecord';
import type { EssGateway } from '../ess/essGateway';
import { LOCAL_H5_SOURCE, type FunctionContext } from './runtime';

/** The personal-verification collections of this function's store. */
export function verificationStores(ctx: FunctionContext) {
  return {
    store: ctx.store.collection<VerificationRecord>(VERIFICATION_COLLECTION),
    refs: ctx.store.collection<VerificationRefRecord>(VERIFICATION_REFS_COLLECTION),
    quota: ctx.store.collection<LinkQuotaRecord>(LINK_QUOTA_COLLECTION),
  };
}

/** The personal-verification rules on this function's stores and ESS gateway (or `ess`). */
export function openPersonalVerification(ctx: FunctionContext, ess: EssGateway = ctx.ess()) {
  return personalVerification({
    config: ctx.essConfig(),
    ess,
    ...verificationStores(ctx),
    log: ctx.log,
    fail: ctx.fail,
  });
}

/**
 * The link kind follows where the call came from, never the event: WeChat → the ESS mini-program
 * (`APP`); the local browser gateway → ESS's H5 page, returning to `H5_JUMP_URL`.
 */
export function channelFor(ctx: FunctionContext): VerifyChannel | null {
  if (ctx.caller.source !== LOCAL_H5_SOURCE) return { endpoint: 'APP' };
  const jumpUrl = process.env.H5_JUMP_URL?.trim();
  if (jumpUrl) return { endpoint: 'H5', jumpUrl };
  ctx.log.error('browser call but H5_JUMP_URL is not set');
  return null;
}
