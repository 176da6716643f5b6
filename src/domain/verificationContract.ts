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

export type GetUserVerifyStatusResult =
  | { ok: true; status: 'none' }
  | { ok: true; status: 'verified'; maskedName?: string }
  | ({ ok: true; status: 'pending'; maskedName?: string } & EssVerifyLink)
  | FailureResult;
