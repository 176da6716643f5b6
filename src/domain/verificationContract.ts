/**
 * The contract between the pages and the personal-verification cloud functions.
 * Both sides import these types, so a change to one side fails to compile on the other.
 */
import type { ErrorCode } from './errors';
import type { VerificationErrors, VerificationInput } from './verificationInput';

export const VERIFY_FUNCTIONS = {
  createUserVerifyUrl: 'createUserVerifyUrl',
  getUserVerifyStatus: 'getUserVerifyStatus',
} as const;

export type MiniProgramEnvVersion = 'release' | 'trial' | 'develop';

/** A failed call: `message` is Chinese and safe to show; `requestId` is ESS's, for support. */
export interface FailureResult {
  ok: false;
  code: ErrorCode;
  message: string;
  requestId?: string;
  fieldErrors?: VerificationErrors;
}

/**
 * Where the user completes verification. In the mini-program: a page of the ESS mini-program,
 * opened half-screen. In the browser (local H5 build): ESS's H5 verification page.
 * Links are used exactly as ESS returned them: never append to or re-encode them.
 */
export type EssVerifyLink =
  | {
      kind: 'miniProgram';
      miniAppId: string;
      path: string;
      envVersion: MiniProgramEnvVersion;
      /** Unix time in seconds. */
      expireTime: number;
    }
  | {
      kind: 'h5';
      url: string;
      /** Unix time in seconds. */
      expireTime: number;
    };

export type CreateUserVerifyUrlEvent = VerificationInput;

export type CreateUserVerifyUrlResult =
  | { ok: true; verified: true }
  | ({ ok: true; verified?: false; reused: boolean } & EssVerifyLink)
  | FailureResult;

export type UserVerifyStatus = 'none' | 'pending' | 'verified';

/**
 * How the caller came to be verified:
 * - `ess-callback`: ESS's callback reported the completion of the very link this WeChat user was
 *   given (its UserData), and ESS confirms the identity verified: the strongest proof;
 * - `own-link`: ESS reported the identity verified after this WeChat user was given a link for it
 *   (ESS said "not verified" when the link was made): the user completed verification;
 * - `ess-status`: the identity was already verified at ESS when this user asked, so no link was
 *   made. That proves the identity is verified, not that this WeChat user is that person: a
 *   service that trusts the WeChat user as the person should require `own-link`.
 */
export type VerificationProof = 'ess-callback' | 'own-link' | 'ess-status';

export type GetUserVerifyStatusResult =
  /** `expired`: the user had a link that expired unused (start again). */
  | { ok: true; status: 'none'; expired?: boolean }
  | { ok: true; status: 'verified'; maskedName?: string; proof?: VerificationProof }
  | ({ ok: true; status: 'pending'; maskedName?: string } & EssVerifyLink)
  | FailureResult;
