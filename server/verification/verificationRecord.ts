/**
 * What the server remembers per WeChat user (OPENID) about their personal verification.
 *
 * Personal data at rest is kept to the minimum the status check needs: while a verification is
 * pending, the name and ID number (ESS `DescribeUserVerifyStatus` takes them); the mobile is never
 * stored. Once the user is verified, or the link has expired unused, those are erased and only
 * masked forms and a keyed hash (to recognise the same identity again) remain.
 */
import type { EssVerifyLink, VerificationProof } from '../../src/domain/verificationContract';

export type { VerificationProof };

export const VERIFICATION_COLLECTION = 'ess_user_verifications';
/** requestRef (sent to ESS as UserData) -> the user it belongs to, for ESS callbacks. */
export const VERIFICATION_REFS_COLLECTION = 'ess_user_verification_refs';

export interface VerificationRefRecord {
  openid: string;
  /** Unix ms after which the reference is useless (its link expired). */
  expiresAt: number;
}

export interface PendingIdentity {
  name: string;
  idCardNumber: string;
}

export interface VerificationRecord {
  status: 'pending' | 'verified' | 'expired';
  /** Present when `verified`. */
  proof?: VerificationProof;
  /** While `pending`: when the personal data must be erased (ms; the link's expiry). */
  eraseAfter?: number;
  /** HMAC of name + ID number + mobile: "is this the same identity as last time?" */
  identityHash: string;
  maskedName: string;
  maskedIdCardNumber: string;
  /** Present only while `pending`. */
  identity?: PendingIdentity;
  /** The link ESS issued, present while `pending`. */
  link?: EssVerifyLink;
  /** Opaque reference sent to ESS as `UserData` (base64); carries no personal data. */
  requestRef: string;
  /** Every reference this user was given that may still be completed (erased on withdrawal). */
  requestRefs?: string[];
  /** ESS RequestId of the call that created the link (for support). */
  essRequestId?: string;
  createdAt: number;
  updatedAt: number;
  verifiedAt?: number;
}
