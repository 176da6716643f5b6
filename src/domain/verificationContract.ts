/**
 * The contract between the pages and the personal-verification cloud functions.
 * Both sides import these types, so a change to one side fails to compile on the other.
 */
import type { ErrorCode } from './errors';
import type { VerificationErrors, VerificationInput } from './verificationInput';

export type MiniProgramEnvVersion = 'release' | 'trial' | 'develop';

/** A failed call: `message` is Chinese and safe to show; `requestId` is ESS's, for support. */
export interface FailureResult {
  ok: false;
  code: ErrorCode;
  message: string;
  requestId?: string;
  fieldErrors?: VerificationErrors;
  /**
   * With `QUEUED`: call again after this many ms (the request is waiting its turn; nothing is
   * lost). Also with a rate limit the server could not absorb within its time.
   */
  retryAfterMs?: number;
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

/**
 * - a link (`reused: true` when it is the caller's still-valid link for the same identity);
 * - `verified: true` only when this WeChat user is already verified, with proof bound to them, for
 *   this very identity (no ESS call). What ESS knows about a name and ID number is never revealed;
 * - a failure: `QUEUED` (wait `retryAfterMs`, then call again), `QUOTA_EXCEEDED`,
 *   `VERIFIED_OTHER_IDENTITY` (verified as someone else: withdraw first), `INVALID_INPUT`, ….
 */
export type CreateUserVerifyUrlResult =
  | { ok: true; verified: true }
  | ({ ok: true; verified?: false; reused: boolean } & EssVerifyLink)
  | FailureResult;

export type UserVerifyStatus = 'none' | 'pending' | 'verified';

/**
 * Why the server holds that this WeChat user (OPENID) is the person verified — both bound to a
 * link this user was given, never inferred from what ESS knows about a name and ID number:
 * - `ess-callback` (strongest): ESS's `UserAccountVerify` callback carried the `UserData` of a
 *   link this user was given, i.e. ESS says that very link was completed;
 * - `own-link`: ESS reported the identity "not verified" when this user's link was made and
 *   "verified" later: the transition happened after our link (someone else completing another
 *   company's link for the same identity in that window would look the same).
 * A service that needs certainty requires `ess-callback`.
 */
export type VerificationProof = 'ess-callback' | 'own-link';

export type GetUserVerifyStatusResult =
  /** `expired`: the user had a link that expired unused (start again). */
  | { ok: true; status: 'none'; expired?: boolean }
  | {
      ok: true;
      status: 'verified';
      maskedName?: string;
      maskedIdCardNumber?: string;
      proof: VerificationProof;
    }
  | ({
      ok: true;
      status: 'pending';
      maskedName?: string;
      maskedIdCardNumber?: string;
    } & EssVerifyLink)
  | FailureResult;

/** `withdrawVerification`: everything stored for the caller is erased (ESS keeps its own record). */
export type WithdrawVerificationResult = { ok: true } | FailureResult;

/** The events of the functions that take none. */
export type EmptyEvent = Record<string, never>;
