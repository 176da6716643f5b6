/** The verification calls the pages make, typed by the shared cloud-function contract. */
import type { VerificationInput } from '../domain/verificationInput';
import type {
  CreateUserVerifyUrlResult,
  EssVerifyLink,
  GetUserVerifyStatusResult,
  WithdrawVerificationResult,
} from '../domain/verificationContract';
import { callFunction } from './platform';

/** Asks the server for an ESS verification link (or learns the user is already verified). */
export function requestVerifyLink(input: VerificationInput): Promise<CreateUserVerifyUrlResult> {
  // The whole input, as the contract types it: a field added to the form is sent and checked.
  return callFunction('createUserVerifyUrl', input);
}

/** The current user's verification status; a pending one carries its still-valid link. */
export function fetchVerifyStatus(): Promise<GetUserVerifyStatusResult> {
  return callFunction('getUserVerifyStatus', {});
}

/** Erases everything the server stored about the user's verification (ESS keeps its own). */
export function withdrawVerification(): Promise<WithdrawVerificationResult> {
  return callFunction('withdrawVerification', {});
}

/** Just the link fields of a result that carries one (drops `ok`, `status`, `reused`, …). */
export function toVerifyLink(result: EssVerifyLink): EssVerifyLink {
  if (result.kind === 'miniProgram') {
    const { miniAppId, path, envVersion, expireTime } = result;
    return { kind: 'miniProgram', miniAppId, path, envVersion, expireTime };
  }
  return { kind: 'h5', url: result.url, expireTime: result.expireTime };
}

/** True once the link's expiry time (Unix seconds) has passed. */
export function isLinkExpired(
  link: Pick<EssVerifyLink, 'expireTime'>,
  now: number = Date.now(),
): boolean {
  return link.expireTime * 1000 <= now;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `1764159300` -> `2025-11-26 20:15` (device local time). */
export function formatExpireTime(expireTime: number): string {
  const d = new Date(expireTime * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
