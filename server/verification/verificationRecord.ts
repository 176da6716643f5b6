/**
 * What the server remembers per WeChat user (OPENID) about their personal verification.
 *
 * Personal data at rest is kept to the minimum the status check needs: while a verification is
 * pending, the name and ID number (ESS `DescribeUserVerifyStatus` takes them); the mobile is never
 * stored. Once the user is verified, or the link has expired unused, those are erased and only
 * masked forms and keyed hashes (to recognise the same person / the same request again) remain.
 * `withdrawVerification` erases the record and every link reference it lists.
 */
import type { EssVerifyLink, VerificationProof } from '../../src/domain/verificationContract';

export type { VerificationProof };

export const VERIFICATION_COLLECTION = 'ess_user_verifications';
/** requestRef (sent to ESS as UserData) -> the user it belongs to, for ESS callbacks. */
export const VERIFICATION_REFS_COLLECTION = 'ess_user_verification_refs';
/** OPENID -> when that user was given new links (the per-user quota; no personal data). */
export const LINK_QUOTA_COLLECTION = 'ess_user_link_quota';

export interface VerificationRefRecord {
  openid: string;
  /** The person the link was made for: a callback binds the user to this person only. */
  personHash: string;
  /** Unix ms after which the reference is useless (its link expired). */
  expiresAt: number;
}

export interface PendingIdentity {
  name: string;
  idCardNumber: string;
}

/**
 * What ESS said about the identity when this user's link was made (asked at the same time):
 * only `not-verified` lets a later "verified" count as the user's own completion (`own-link`);
 * otherwise only ESS's callback for the link can bind the user to the person.
 */
export type StatusAtLink = 'not-verified' | 'verified' | 'unknown';

/** A reference this user was given, kept until its link expires (erased on withdrawal). */
export interface GivenRef {
  ref: string;
  expiresAt: number;
}

/** A time-boxed claim by one invocation (making this user's link, or checking their status). */
export interface Claim {
  holder: string;
  /** Unix ms: after this the claim is void (its invocation died or ran out of time). */
  until: number;
}

export interface VerificationRecord {
  /** `none`: nothing pending or verified (e.g. a link is being made for the first time). */
  status: 'none' | 'pending' | 'verified' | 'expired';
  /** Present when `verified`: why this WeChat user is the person. Never weakened. */
  proof?: VerificationProof;
  /** While `pending`: when the personal data must be erased (ms; the link's expiry). */
  eraseAfter?: number;
  /** Keyed hash of name + ID number: "is this the same person?" (verified users). */
  personHash?: string;
  /** Keyed hash of name + ID number + mobile: "is this the same request?" (link reuse). */
  linkHash?: string;
  maskedName?: string;
  maskedIdCardNumber?: string;
  /** Present only while `pending`. */
  identity?: PendingIdentity;
  /** The link ESS issued, present while `pending`. */
  link?: EssVerifyLink;
  /** While `pending`: what ESS said about the identity when the link was made. */
  statusAtLink?: StatusAtLink;
  /** Opaque reference of the current link, sent to ESS as `UserData` (base64). */
  requestRef?: string;
  /** Every reference this user was given whose link may still be completed. */
  givenRefs?: GivenRef[];
  /** ESS RequestId of the call that created the link (for support). */
  essRequestId?: string;
  /** An invocation making this user's link: others wait for it instead of calling ESS too. */
  linkClaim?: Claim;
  /** An invocation asking ESS for this user's status: concurrent polls share its answer. */
  statusClaim?: Claim;
  /** Unix ms of the last status answer from ESS (served in between, see STATUS_RECHECK_MS). */
  statusCheckedAt?: number;
  createdAt: number;
  updatedAt: number;
  verifiedAt?: number;
}
