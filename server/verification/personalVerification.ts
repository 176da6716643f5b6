/**
 * Personal real-name verification through ESS: the rules behind the two cloud functions,
 * independent of WeChat (caller identity, store, ESS gateway and clock are passed in).
 */
import { createHmac, randomBytes } from 'crypto';
import { maskIdCardNumber, maskName } from '../../src/domain/mask';
import type { VerificationInput } from '../../src/domain/verificationInput';
import type {
  CreateUserVerifyUrlResult,
  EssVerifyLink,
  GetUserVerifyStatusResult,
} from '../../src/domain/verificationContract';
import { toMiniAppId } from '../../src/domain/essApps';
import type { EssConfig } from '../config';
import type { EssGateway } from '../ess/essGateway';
import type { Fail } from '../failure';
import type { Logger } from '../log';
import type { DocumentStore } from '../store/documentStore';
import type {
  PendingIdentity,
  VerificationProof,
  VerificationRecord,
  VerificationRefRecord,
} from './verificationRecord';

/** A link this close to its expiry is not handed out again: the user needs time to finish. */
export const REUSE_MARGIN_SECONDS = 10 * 60;

/** How the link is opened: the ESS mini-program (in WeChat) or ESS's H5 page (in a browser). */
export type VerifyChannel = { endpoint: 'APP' } | { endpoint: 'H5'; jumpUrl: string };

export interface PersonalVerificationDeps {
  config: EssConfig;
  ess: EssGateway;
  store: DocumentStore<VerificationRecord>;
  /** requestRef -> OPENID, so an ESS callback (which carries UserData) finds its user. */
  refs: DocumentStore<VerificationRefRecord>;
  log: Logger;
  /** Failed answers in the calling function's wording. */
  fail: Fail;
  now?: () => number;
}

const nowSeconds = (now: () => number) => Math.floor(now() / 1000);

function identityHash(
  config: EssConfig,
  input: { name: string; idCardNumber: string; mobile: string },
): string {
  // Keyed with a key derived from a server secret: without it the hash of an ID number could be
  // reversed by enumerating ID numbers.
  const key = createHmac('sha256', config.hashSecret)
    .update('ess-verify/identity-hash/v1')
    .digest();
  return createHmac('sha256', key)
    .update([input.name, input.idCardNumber, input.mobile].join('\u0000'))
    .digest('hex');
}

function newRequestRef(): string {
  return `vr_${randomBytes(12).toString('base64url')}`;
}

function linkFromEss(
  config: EssConfig,
  channel: VerifyChannel,
  response: { UserVerifyUrl?: string; ExpireTime?: number; MiniAppId?: string },
): EssVerifyLink | null {
  const url = response.UserVerifyUrl;
  const expireTime = Number(response.ExpireTime);
  if (!url || !Number.isFinite(expireTime)) return null;
  if (channel.endpoint === 'H5') return { kind: 'h5', url, expireTime };
  return {
    kind: 'miniProgram',
    // ESS may answer an original id (gh_…); WeChat's APIs take the wx… app id.
    miniAppId: response.MiniAppId ? toMiniAppId(response.MiniAppId) : config.miniAppId,
    path: url,
    envVersion: config.miniAppEnvVersion,
    expireTime,
  };
}

function linkMatchesChannel(link: EssVerifyLink | undefined, channel: VerifyChannel): boolean {
  if (!link) return false;
  return channel.endpoint === 'H5' ? link.kind === 'h5' : link.kind === 'miniProgram';
}

export function personalVerification(deps: PersonalVerificationDeps) {
  const { config, ess, store, refs, log, fail } = deps;
  const now = deps.now ?? Date.now;

  async function isVerifiedAtEss(identity: PendingIdentity): Promise<boolean> {
    const response = await ess.call('DescribeUserVerifyStatus', {
      Name: identity.name,
      IdCardNumber: identity.idCardNumber,
      IdCardType: 'ID_CARD',
    });
    return response.VerifyStatus === true;
  }

  async function markVerified(
    openid: string,
    record: VerificationRecord,
    proof: VerificationProof,
  ): Promise<VerificationRecord> {
    const at = now();
    const verified: VerificationRecord = {
      status: 'verified',
      proof,
      identityHash: record.identityHash,
      maskedName: record.maskedName,
      maskedIdCardNumber: record.maskedIdCardNumber,
      requestRef: record.requestRef,
      essRequestId: record.essRequestId,
      createdAt: record.createdAt,
      updatedAt: at,
      verifiedAt: at,
    };
    await store.put(openid, verified);
    return verified;
  }

  return {
    /** `input` must have passed `checkVerificationInput` (the cloud function checks it first). */
    async createUserVerifyUrl(
      openid: string,
      input: VerificationInput,
      channel: VerifyChannel,
    ): Promise<CreateUserVerifyUrlResult> {
      const hash = identityHash(config, input);
      const existing = await store.get(openid);

      if (existing?.status === 'verified' && existing.identityHash === hash) {
        log.info('already verified (stored)');
        return { ok: true, verified: true };
      }
      if (
        existing?.status === 'pending' &&
        existing.identityHash === hash &&
        existing.link &&
        linkMatchesChannel(existing.link, channel) &&
        existing.link.expireTime - nowSeconds(now) > REUSE_MARGIN_SECONDS
      ) {
        log.info('reusing pending link', {
          requestRef: existing.requestRef,
          expireTime: existing.link.expireTime,
        });
        return { ok: true, reused: true, ...existing.link };
      }

      const createdAt = now();
      const base: VerificationRecord = {
        status: 'pending',
        identityHash: hash,
        maskedName: maskName(input.name),
        maskedIdCardNumber: maskIdCardNumber(input.idCardNumber),
        identity: { name: input.name, idCardNumber: input.idCardNumber },
        requestRef: newRequestRef(),
        createdAt,
        updatedAt: createdAt,
      };

      const response = await ess.call('CreateUserVerifyUrl', {
        Name: input.name,
        IdCardNumber: input.idCardNumber,
        IdCardType: 'ID_CARD',
        Mobile: input.mobile,
        Endpoint: channel.endpoint,
        ...(channel.endpoint === 'APP' ? { AutoJumpBack: true } : { JumpUrl: channel.jumpUrl }),
        UserData: Buffer.from(base.requestRef, 'utf8').toString('base64'),
      });
      const link = linkFromEss(config, channel, response);
      if (!link) {
        log.error('ESS answered without a usable link', { requestId: response.RequestId });
        return fail('ESS_FAILED', { requestId: response.RequestId });
      }
      // Stored before answering: a user who comes back gets this link, not a new one.
      await refs.put(base.requestRef, { openid, expiresAt: link.expireTime * 1000 });
      await store.put(openid, {
        ...base,
        link,
        essRequestId: response.RequestId,
        // When the personal data must go even if the user never comes back (see purge function).
        eraseAfter: link.expireTime * 1000,
      });
      log.info('verification link created', {
        requestRef: base.requestRef,
        requestId: response.RequestId,
        endpoint: channel.endpoint,
        expireTime: link.expireTime,
      });
      return { ok: true, reused: false, ...link };
    },

    async getUserVerifyStatus(openid: string): Promise<GetUserVerifyStatusResult> {
      const record = await store.get(openid);
      if (!record) return { ok: true, status: 'none' };
      if (record.status === 'expired') return { ok: true, status: 'none', expired: true };
      if (record.status === 'verified') return verifiedStatus(record);
      if (!record.identity || !record.link) return { ok: true, status: 'none' };
      const settled = await this.settlePending(openid, record);
      if (settled.status === 'verified') return verifiedStatus(settled);
      if (settled.status === 'expired') return { ok: true, status: 'none', expired: true };
      return { ok: true, status: 'pending', maskedName: record.maskedName, ...record.link };
    },

    /**
     * ESS reported (callback) that the user who was given the link carrying `requestRef` completed
     * verification. Confirmed with ESS's status before it is recorded, as `ess-callback`.
     */
    async completeFromCallback(
      requestRef: string,
    ): Promise<'verified' | 'unknown-ref' | 'not-verified' | 'already'> {
      const ref = await refs.get(requestRef);
      const record = ref ? await store.get(ref.openid) : null;
      if (!ref || !record || record.requestRef !== requestRef) return 'unknown-ref';
      if (record.status === 'verified') {
        if (record.proof !== 'ess-callback')
          await store.put(ref.openid, { ...record, proof: 'ess-callback' });
        return 'already';
      }
      if (record.status !== 'pending' || !record.identity) return 'unknown-ref';
      if (!(await isVerifiedAtEss(record.identity))) return 'not-verified';
      await markVerified(ref.openid, record, 'ess-callback');
      log.info('verification completed (ESS callback)', { requestRef });
      return 'verified';
    },

    /**
     * Erases everything stored for `openid` (PIPL right to deletion): the record with its masked
     * values and hashes, and every link reference it was given, so that a callback arriving later
     * for one of them finds nothing and changes nothing. ESS keeps its own record.
     */
    async withdraw(openid: string): Promise<{ erased: boolean }> {
      const record = await store.get(openid);
      if (!record) return { erased: false };
      for (const requestRef of record.requestRefs ?? [record.requestRef]) {
        await refs.delete(requestRef);
      }
      await store.delete(openid);
      log.info('verification withdrawn and erased', { status: record.status });
      return { erased: true };
    },

    /**
     * Brings a pending record up to date: verified if ESS says so, expired (personal data erased)
     * if its link expired unused, otherwise unchanged. Used on status checks and by the daily purge.
     */
    async settlePending(openid: string, record: VerificationRecord): Promise<VerificationRecord> {
      if (record.status !== 'pending' || !record.identity || !record.link) return record;
      if (await isVerifiedAtEss(record.identity)) {
        log.info('verification completed', { requestRef: record.requestRef });
        return markVerified(openid, record, 'own-link');
      }
      if (record.link.expireTime > nowSeconds(now)) return record;
      const expired = expiredRecord(record, now());
      await store.put(openid, expired);
      log.info('pending verification expired', { requestRef: record.requestRef });
      return expired;
    },
  };
}

function verifiedStatus(record: VerificationRecord): GetUserVerifyStatusResult {
  return {
    ok: true,
    status: 'verified',
    maskedName: record.maskedName,
    proof: record.proof ?? 'own-link',
  };
}

/** A pending record whose link expired unused, without the personal data it no longer needs. */
export function expiredRecord(record: VerificationRecord, at: number): VerificationRecord {
  const { identity: _identity, link: _link, eraseAfter: _eraseAfter, ...rest } = record;
  return { ...rest, status: 'expired', updatedAt: at };
}

export type PersonalVerification = ReturnType<typeof personalVerification>;
