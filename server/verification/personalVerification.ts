/**
 * Personal real-name verification through ESS: the rules behind the personal cloud functions,
 * independent of WeChat (caller identity, stores, ESS gateway and clock are passed in).
 *
 * The two promises it keeps:
 * - every user gets a link: one per user whatever the taps (a claim on the user's record makes
 *   concurrent calls wait for one ESS call), reused while valid, within a per-user quota;
 * - "verified" means this WeChat user is the person, proven by the link they were given: ESS's
 *   callback for that link (`ess-callback`), or a "not verified" → "verified" transition of the
 *   identity seen after the link was made (`own-link`). What ESS knows about a name and ID number
 *   is never enough on its own, and never revealed to the caller.
 */
import { randomBytes } from 'crypto';
import { toMiniAppId } from '../../src/domain/essApps';
import { ESS_MINI_APP_ENV_VERSION } from '../../src/domain/essApps';
import { maskIdCardNumber, maskName } from '../../src/domain/mask';
import type {
  CreateUserVerifyUrlResult,
  EssVerifyLink,
  GetUserVerifyStatusResult,
} from '../../src/domain/verificationContract';
import type { VerificationInput } from '../../src/domain/verificationInput';
import type { EssConfig } from '../config';
import { EssCallError, EssQueuedError } from '../ess/essError';
import type { EssGateway } from '../ess/essGateway';
import type { Fail } from '../failure';
import type { Logger } from '../log';
import type { DocumentStore } from '../store/documentStore';
import { linkHash, personHash } from './identityHashes';
import { isUsableLink, type VerifyChannel } from './linkRules';
import { linkQuota, type LinkQuotaRecord } from './linkQuota';
import type {
  Claim,
  GivenRef,
  PendingIdentity,
  StatusAtLink,
  VerificationProof,
  VerificationRecord,
  VerificationRefRecord,
} from './verificationRecord';

export { REUSE_MARGIN_SECONDS, type VerifyChannel } from './linkRules';

/** How long one invocation may hold a user's link or status claim (over its 15 s ESS budget). */
export const CLAIM_MS = 20_000;
/** Pause between looks at a claim another invocation holds. */
const CLAIM_POLL_MS = 250;
/** A reference is kept a day past the 7-day link lifetime, for late callbacks. */
const REF_LIFETIME_MS = 8 * 24 * 60 * 60 * 1000;

export interface PersonalVerificationDeps {
  config: EssConfig;
  ess: EssGateway;
  store: DocumentStore<VerificationRecord>;
  /** requestRef -> OPENID, so an ESS callback (which carries UserData) finds its user. */
  refs: DocumentStore<VerificationRefRecord>;
  quota: DocumentStore<LinkQuotaRecord>;
  log: Logger;
  /** Failed answers in the calling function's wording. */
  fail: Fail;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isActive = (claim: Claim | undefined, now: number): claim is Claim =>
  !!claim && claim.until > now;

function newRequestRef(): string {
  return `vr_${randomBytes(12).toString('base64url')}`;
}

/** The references still worth keeping, plus `added`. */
function keepRefs(refs: GivenRef[] | undefined, now: number, added?: GivenRef): GivenRef[] {
  const kept = (refs ?? []).filter((given) => given.expiresAt > now && given.ref !== added?.ref);
  return added ? [...kept, added] : kept;
}

/** A verified record: proof and masked values; no personal data, no link. */
function verifiedRecord(
  record: VerificationRecord,
  proof: VerificationProof,
  at: number,
): VerificationRecord {
  return {
    status: 'verified',
    proof,
    personHash: record.personHash,
    maskedName: record.maskedName,
    maskedIdCardNumber: record.maskedIdCardNumber,
    requestRef: record.requestRef,
    givenRefs: record.givenRefs,
    essRequestId: record.essRequestId,
    createdAt: record.createdAt,
    updatedAt: at,
    verifiedAt: record.verifiedAt ?? at,
  };
}

/** A pending record whose link expired unused, without the personal data it no longer needs. */
export function expiredRecord(record: VerificationRecord, at: number): VerificationRecord {
  const {
    identity: _identity,
    link: _link,
    eraseAfter: _eraseAfter,
    statusAtLink: _statusAtLink,
    statusClaim: _statusClaim,
    statusCheckedAt: _statusCheckedAt,
    ...rest
  } = record;
  return { ...rest, status: 'expired', updatedAt: at };
}

function verifiedStatus(record: VerificationRecord): GetUserVerifyStatusResult {
  return {
    ok: true,
    status: 'verified',
    maskedName: record.maskedName,
    maskedIdCardNumber: record.maskedIdCardNumber,
    proof: record.proof ?? 'own-link',
  };
}

type CreateStep =
  | { kind: 'verified' }
  | { kind: 'other-person' }
  | { kind: 'reuse'; link: EssVerifyLink }
  | { kind: 'wait'; until: number }
  | { kind: 'claimed' };

type StatusStep =
  | { kind: 'done'; record: VerificationRecord | null }
  | { kind: 'busy' }
  | { kind: 'claimed'; record: VerificationRecord };

export function personalVerification(deps: PersonalVerificationDeps) {
  const { config, ess, store, refs, log, fail } = deps;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const quota = linkQuota(deps.quota, config.linkQuota);
  const holder = randomBytes(8).toString('hex');

  async function isVerifiedAtEss(identity: PendingIdentity): Promise<boolean> {
    const response = await ess.call('DescribeUserVerifyStatus', {
      Name: identity.name,
      IdCardNumber: identity.idCardNumber,
      IdCardType: 'ID_CARD',
    });
    return response.VerifyStatus === true;
  }

  /** ESS's status of the identity when the link is made (asked alongside the link). */
  async function statusAtLink(identity: PendingIdentity): Promise<{
    status: StatusAtLink;
    requestId?: string;
  }> {
    try {
      const response = await ess.call('DescribeUserVerifyStatus', {
        Name: identity.name,
        IdCardNumber: identity.idCardNumber,
        IdCardType: 'ID_CARD',
      });
      return {
        status: response.VerifyStatus === true ? 'verified' : 'not-verified',
        requestId: response.RequestId,
      };
    } catch {
      // Logged by the gateway. Unknown: only ESS's callback can then bind the user.
      return { status: 'unknown' };
    }
  }

  function linkFromEss(
    channel: VerifyChannel,
    response: {
      UserVerifyUrl?: string;
      ExpireTime?: number;
      MiniAppId?: string;
      RequestId?: string;
    },
  ): EssVerifyLink | null {
    const url = response.UserVerifyUrl;
    const expireTime = Number(response.ExpireTime);
    if (!url || !Number.isFinite(expireTime)) return null;
    if (channel.endpoint === 'H5') return { kind: 'h5', url, expireTime };
    // The link opens only in the ESS mini-program of the configured environment.
    const answered = response.MiniAppId ? toMiniAppId(response.MiniAppId) : config.miniAppId;
    if (answered !== config.miniAppId) {
      log.warn(
        'ESS answered another mini-program than the configured environment; using the configured one',
        {
          answered,
          configured: config.miniAppId,
          requestId: response.RequestId,
        },
      );
    }
    return {
      kind: 'miniProgram',
      miniAppId: config.miniAppId,
      path: url,
      envVersion: ESS_MINI_APP_ENV_VERSION,
      expireTime,
    };
  }

  /** Gives up this invocation's claim on the user's link, leaving the record otherwise as is. */
  async function releaseLinkClaim(openid: string): Promise<void> {
    await store.transact(openid, (record) => {
      if (!record || record.linkClaim?.holder !== holder) return { result: undefined };
      const { linkClaim: _claim, ...rest } = record;
      return { result: undefined, write: rest };
    });
  }

  /** Whether ESS certainly did nothing for a failed call (then a quota ticket is given back). */
  const certainlyNotProcessed = (error: unknown) =>
    (error instanceof EssQueuedError || error instanceof EssCallError) && !error.mayHaveTakenEffect;

  return {
    /** `input` must have passed `checkVerificationInput` (the cloud function checks it first). */
    async createUserVerifyUrl(
      openid: string,
      input: VerificationInput,
      channel: VerifyChannel,
    ): Promise<CreateUserVerifyUrlResult> {
      const person = personHash(config.hashSecret, input);
      const request = linkHash(config.hashSecret, input);
      const requestRef = newRequestRef();

      for (;;) {
        const at = now();
        const step = await store.transact<CreateStep>(openid, (record) => {
          if (record?.status === 'verified') {
            return { result: { kind: record.personHash === person ? 'verified' : 'other-person' } };
          }
          if (
            record?.status === 'pending' &&
            record.linkHash === request &&
            isUsableLink(record.link, at, channel)
          ) {
            return { result: { kind: 'reuse', link: record.link } };
          }
          if (isActive(record?.linkClaim, at) && record?.linkClaim?.holder !== holder) {
            return { result: { kind: 'wait', until: record!.linkClaim!.until } };
          }
          const given = { ref: requestRef, expiresAt: at + REF_LIFETIME_MS };
          return {
            result: { kind: 'claimed' },
            write: {
              ...(record ?? { status: 'none', createdAt: at }),
              linkClaim: { holder, until: at + CLAIM_MS },
              givenRefs: keepRefs(record?.givenRefs, at, given),
              updatedAt: at,
            },
          };
        });
        if (step.kind === 'verified') {
          log.info('already verified (this user, this person): no link needed');
          return { ok: true, verified: true };
        }
        if (step.kind === 'other-person') {
          log.info('refused: verified as another person');
          return fail('VERIFIED_OTHER_IDENTITY');
        }
        if (step.kind === 'reuse') {
          log.info('reusing pending link', { expireTime: step.link.expireTime });
          return { ok: true, reused: true, ...step.link };
        }
        if (step.kind === 'claimed') break;
        // Another invocation is making this user's link (a second tap, a second device): wait for
        // it, then reuse what it made.
        if (!ess.hasTimeForCall()) {
          log.info('still waiting for another invocation making this link');
          return fail('QUEUED', { retryAfterMs: Math.min(3000, Math.max(500, step.until - at)) });
        }
        await sleep(CLAIM_POLL_MS + Math.floor(Math.random() * 100));
      }

      const ticket = await quota.take(openid, now());
      if (!ticket.ok) {
        await releaseLinkClaim(openid);
        log.info('link quota reached', { retryAfterMs: ticket.retryAfterMs });
        return fail('QUOTA_EXCEEDED');
      }

      // Mapped before ESS hears of it: whichever link ESS makes with it (also one whose answer is
      // lost and that a retry makes again) finds this user when ESS calls back.
      await refs.put(requestRef, {
        openid,
        personHash: person,
        expiresAt: now() + REF_LIFETIME_MS,
      });

      let created: Awaited<ReturnType<typeof ess.call<'CreateUserVerifyUrl'>>>;
      let baseline: Awaited<ReturnType<typeof statusAtLink>>;
      try {
        // One round trip for the user: the status at link time is asked alongside the link.
        [baseline, created] = await Promise.all([
          statusAtLink(input),
          ess.call('CreateUserVerifyUrl', {
            Name: input.name,
            IdCardNumber: input.idCardNumber,
            IdCardType: 'ID_CARD',
            Mobile: input.mobile,
            Endpoint: channel.endpoint,
            ...(channel.endpoint === 'APP' ? { AutoJumpBack: true } : { JumpUrl: channel.jumpUrl }),
            UserData: Buffer.from(requestRef, 'utf8').toString('base64'),
          }),
        ]);
      } catch (error) {
        await releaseLinkClaim(openid);
        if (certainlyNotProcessed(error)) await quota.refund(openid, ticket.takenAt);
        throw error;
      }

      const link = linkFromEss(channel, created);
      if (!link) {
        await releaseLinkClaim(openid);
        log.error('ESS answered without a usable link', { requestId: created.RequestId });
        return fail('ESS_FAILED', { requestId: created.RequestId });
      }

      const at = now();
      const stored = await store.transact<'stored' | 'verified' | 'other-person' | 'withdrawn'>(
        openid,
        (record) => {
          // The record no longer lists this call's reference: the user withdrew meanwhile (the
          // record is gone, or a new one began after it). Nothing of this link may be kept.
          if (!record?.givenRefs?.some((given) => given.ref === requestRef))
            return { result: 'withdrawn' };
          // Verified meanwhile (a callback of an earlier link): never replaced by a pending record.
          if (record.status === 'verified')
            return { result: record.personHash === person ? 'verified' : 'other-person' };
          const given = { ref: requestRef, expiresAt: link.expireTime * 1000 + 24 * 3600 * 1000 };
          const pending: VerificationRecord = {
            status: 'pending',
            personHash: person,
            linkHash: request,
            maskedName: maskName(input.name),
            maskedIdCardNumber: maskIdCardNumber(input.idCardNumber),
            identity: { name: input.name, idCardNumber: input.idCardNumber },
            link,
            statusAtLink: baseline.status,
            requestRef,
            givenRefs: keepRefs(record?.givenRefs, at, given),
            essRequestId: created.RequestId,
            // When the personal data must go even if the user never comes back (purge function).
            eraseAfter: link.expireTime * 1000,
            createdAt: at,
            updatedAt: at,
          };
          return { result: 'stored', write: pending };
        },
      );
      if (stored === 'withdrawn') {
        await refs.delete(requestRef);
        log.info('link made after the user withdrew: not kept', {
          requestRef,
          requestId: created.RequestId,
        });
        return fail('INTERNAL');
      }
      if (stored === 'verified') return { ok: true, verified: true };
      if (stored === 'other-person') return fail('VERIFIED_OTHER_IDENTITY');
      log.info('verification link created', {
        requestRef,
        requestId: created.RequestId,
        endpoint: channel.endpoint,
        expireTime: link.expireTime,
        statusAtLink: baseline.status,
      });
      if (baseline.status !== 'not-verified') {
        // Counted by operators: a person ESS already knew (or whose status could not be read)
        // is bound to this user only by ESS's callback for this link.
        log.info('identity not unverified at link time: only the callback can bind it', {
          requestRef,
          requestId: created.RequestId,
          statusRequestId: baseline.requestId,
          statusAtLink: baseline.status,
        });
      }
      return { ok: true, reused: false, ...link };
    },

    async getUserVerifyStatus(openid: string): Promise<GetUserVerifyStatusResult> {
      const record = await this.settlePending(openid, await store.get(openid));
      if (!record || record.status === 'none') return { ok: true, status: 'none' };
      if (record.status === 'expired') return { ok: true, status: 'none', expired: true };
      if (record.status === 'verified') return verifiedStatus(record);
      if (!isUsableLink(record.link, now())) return { ok: true, status: 'none', expired: true };
      return {
        ok: true,
        status: 'pending',
        maskedName: record.maskedName,
        maskedIdCardNumber: record.maskedIdCardNumber,
        ...record.link,
      };
    },

    /**
     * ESS's callback says the link carrying `requestRef` was completed. Binds the user it was
     * given to (`ess-callback`) when it is still theirs for the same person; confirmed with ESS's
     * status while the identity is still held. A withdrawn user's references are gone: nothing
     * changes.
     */
    async completeFromCallback(
      requestRef: string,
    ): Promise<
      'verified' | 'upgraded' | 'already' | 'unknown-ref' | 'other-person' | 'not-verified'
    > {
      const ref = await refs.get(requestRef);
      const record = ref ? await store.get(ref.openid) : null;
      if (!ref || !record) return 'unknown-ref';
      if (record.personHash !== ref.personHash) return 'other-person';
      if (record.status === 'pending' && record.identity) {
        if (!(await isVerifiedAtEss(record.identity))) return 'not-verified';
      }
      return store.transact(ref.openid, (current) => {
        if (!current || current.personHash !== ref.personHash) return { result: 'unknown-ref' };
        if (current.status === 'verified') {
          if (current.proof === 'ess-callback') return { result: 'already' };
          return {
            result: 'upgraded',
            write: { ...current, proof: 'ess-callback', updatedAt: now() },
          };
        }
        return { result: 'verified', write: verifiedRecord(current, 'ess-callback', now()) };
      });
    },

    /**
     * Brings a pending record up to date: verified (`own-link`) when ESS now reports the identity
     * verified and said "not verified" when the link was made; expired (personal data erased) when
     * its link expired; otherwise unchanged. ESS is asked at most once per `statusRecheckMs` per
     * user, and concurrent polls share one call. It is asked alike whatever ESS said at link time
     * (only the answer's use differs), so the cost and timing of a status check reveal nothing
     * about what ESS knew of the identity. Used by status checks and the hourly purge.
     */
    async settlePending(
      openid: string,
      record: VerificationRecord | null,
    ): Promise<VerificationRecord | null> {
      if (!record || record.status !== 'pending' || !record.identity || !record.link) return record;
      let current: VerificationRecord | null = record;
      current = await checkStatusAtEss(openid, record);
      if (!current || current.status !== 'pending' || !current.link) return current;
      if (current.link.expireTime * 1000 > now()) return current;
      const at = now();
      return store.transact(openid, (latest) => {
        if (!latest || latest.status !== 'pending' || latest.requestRef !== current!.requestRef)
          return { result: latest };
        const expired = expiredRecord(latest, at);
        log.info('pending verification expired', { requestRef: latest.requestRef });
        return { result: expired, write: expired };
      });
    },
  };

  /**
   * The status check: cached, shared by concurrent polls, never failing the caller. "Verified"
   * binds the user (`own-link`) only when ESS said "not verified" when their link was made.
   */
  async function checkStatusAtEss(
    openid: string,
    seen: VerificationRecord,
  ): Promise<VerificationRecord | null> {
    const at = now();
    const fresh = (record: VerificationRecord) =>
      record.statusCheckedAt !== undefined &&
      at - record.statusCheckedAt < config.statusRecheckMs &&
      // After the link expired, one last look (the user may have finished just before).
      (record.link!.expireTime * 1000 > at ||
        record.statusCheckedAt >= record.link!.expireTime * 1000);
    if (fresh(seen)) return seen;
    const step = await store.transact<StatusStep>(openid, (record) => {
      if (!record || record.status !== 'pending' || record.requestRef !== seen.requestRef)
        return { result: { kind: 'done', record } };
      if (fresh(record)) return { result: { kind: 'done', record } };
      if (isActive(record.statusClaim, at) && record.statusClaim.holder !== holder)
        return { result: { kind: 'busy' } };
      const claimed = { ...record, statusClaim: { holder, until: at + CLAIM_MS } };
      return { result: { kind: 'claimed', record: claimed }, write: claimed };
    });
    if (step.kind === 'done') return step.record;
    if (step.kind === 'busy') {
      // Another poll of this user is asking ESS: share its answer (or serve what is stored).
      for (let waited = 0; waited < 2000; waited += CLAIM_POLL_MS) {
        await sleep(CLAIM_POLL_MS);
        const latest = await store.get(openid);
        if (!latest || latest.status !== 'pending' || !isActive(latest.statusClaim, now()))
          return latest;
      }
      return store.get(openid);
    }
    let verified: boolean | null = null;
    try {
      verified = await isVerifiedAtEss(step.record.identity!);
    } catch {
      // Logged by the gateway; the stored state is served, and the next poll asks again.
    }
    const answeredAt = now();
    return store.transact(openid, (record) => {
      if (!record || record.status !== 'pending' || record.requestRef !== seen.requestRef)
        return { result: record };
      const { statusClaim: _claim, ...rest } = record;
      if (verified && record.statusAtLink === 'not-verified') {
        const done = verifiedRecord(rest, 'own-link', answeredAt);
        log.info('verification completed (own link)', { requestRef: record.requestRef });
        return { result: done, write: done };
      }
      const checked = verified === null ? rest : { ...rest, statusCheckedAt: answeredAt };
      return { result: checked, write: checked };
    });
  }
}

export type PersonalVerification = ReturnType<typeof personalVerification>;

/**
 * Erases everything stored for `openid` (PIPL right to deletion): the record with its masked
 * values and hashes, and every link reference it was given, so that a callback arriving later for
 * one of them finds nothing and changes nothing. ESS keeps its own record. Needs no ESS
 * configuration: a user can always withdraw.
 */
export async function withdrawVerification(
  deps: Pick<PersonalVerificationDeps, 'store' | 'refs' | 'log'>,
  openid: string,
): Promise<{ erased: boolean }> {
  // Removed first, atomically: a link being made right now finds its reference gone from the
  // record and keeps nothing (see createUserVerifyUrl).
  const record = await deps.store.transact<VerificationRecord | null>(openid, (current) =>
    current ? { result: current, remove: true } : { result: null },
  );
  if (!record) return { erased: false };
  const given = new Set((record.givenRefs ?? []).map((entry) => entry.ref));
  if (record.requestRef) given.add(record.requestRef);
  for (const ref of given) await deps.refs.delete(ref);
  deps.log.info('verification withdrawn and erased', { status: record.status, refs: given.size });
  return { erased: true };
}
