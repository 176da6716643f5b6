/**
 * Personal real-name verification through ESS: the rules behind the two cloud functions,
 * independent of WeChat (caller identity, store, ESS gateway and clock are passed in).
 */
import { createHmac, randomBytes } from 'crypto';
import { failure } from '../failure';
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
import type { Logger } from '../log';
import type { DocumentStore } from '../store/documentStore';
import type { PendingIdentity, VerificationRecord } from './verificationRecord';

/** A link this close to its expiry is not handed out again: the user needs time to finish. */
export const REUSE_MARGIN_SECONDS = 10 * 60;

/** How the link is opened: the ESS mini-program (in WeChat) or ESS's H5 page (in a browser). */
export type VerifyChannel = { endpoint: 'APP' } | { endpoint: 'H5'; jumpUrl: string };

export interface PersonalVerificationDeps {
  config: EssConfig;
  ess: EssGateway;
  store: DocumentStore<VerificationRecord>;
  log: Logger;
  now?: () => number;
}

const nowSeconds = (now: () => number) => Math.floor(now() / 1000);

function identityHash(
  config: EssConfig,
  input: { name: string; idCardNumber: string; mobile: string },
): string {
  // Keyed with a key derived from the ESS secret: without it the hash of an ID number could be
  // reversed by enumerating ID numbers.
  const key = createHmac('sha256', config.secretKey).update('ess-verify/identity-hash/v1').digest();
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
  const { config, ess, store, log } = deps;
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
  ): Promise<VerificationRecord> {
    const at = now();
    const verified: VerificationRecord = {
      status: 'verified',
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

      if (await isVerifiedAtEss(input)) {
        await markVerified(openid, base);
        log.info('already verified at ESS', { requestRef: base.requestRef });
        return { ok: true, verified: true };
      }

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
        return failure('ESS_FAILED', { requestId: response.RequestId });
      }
      // Stored before answering: a user who comes back gets this link, not a new one.
      await store.put(openid, { ...base, link, essRequestId: response.RequestId });
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
      if (!record || record.status === 'expired') return { ok: true, status: 'none' };
      if (record.status === 'verified')
        return { ok: true, status: 'verified', maskedName: record.maskedName };
      if (!record.identity || !record.link) return { ok: true, status: 'none' };

      if (await isVerifiedAtEss(record.identity)) {
        await markVerified(openid, record);
        log.info('verification completed', { requestRef: record.requestRef });
        return { ok: true, status: 'verified', maskedName: record.maskedName };
      }
      if (record.link.expireTime <= nowSeconds(now)) {
        // Unused and expired: the personal data is no longer needed.
        const { identity: _identity, link: _link, ...rest } = record;
        await store.put(openid, { ...rest, status: 'expired', updatedAt: now() });
        log.info('pending verification expired', { requestRef: record.requestRef });
        return { ok: true, status: 'none' };
      }
      return { ok: true, status: 'pending', maskedName: record.maskedName, ...record.link };
    },
  };
}

export type PersonalVerification = ReturnType<typeof personalVerification>;
