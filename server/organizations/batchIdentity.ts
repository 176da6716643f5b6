/**
 * The identity of a registration submission, for "never submit twice": a keyed hash (HMAC-SHA256,
 * key derived from `DATA_HASH_KEY`, or else the ESS secret key) of the caller and either their
 * `requestKey` or the normalised payload. Keyed, because the payload holds ID numbers and
 * mobiles: a plain hash could be reversed by trying candidates. Normalised, so that `+86 138…`
 * and `138…` are the same request.
 * With `confirmedNotSubmitted` (the operator's word that some enterprises were not registered), or
 * for a subsidiary (`proxyOrganizationId`), it is another request than the same rows without.
 */
import { createHmac } from 'crypto';
import type { RegistrationRequest } from './requests';

export interface BatchIdentity {
  /** Document id of the batch record. */
  key: string;
  /** Hash of what is submitted (to refuse a request key reused for other enterprises). */
  payloadHash: string;
}

function hmacHex(key: Buffer, parts: readonly string[]): string {
  return createHmac('sha256', key).update(parts.join('\u0000')).digest('hex');
}

export function batchIdentity(
  hashSecret: string,
  owner: string,
  request: RegistrationRequest,
): BatchIdentity {
  const key = createHmac('sha256', hashSecret).update('ess-verify/registration-batch/v1').digest();
  // The rows come out of the validator with their fields in a fixed order: stable JSON. The
  // confirmations (sorted by the parser) and the subsidiary are part of what is asked, when
  // there are any; without them the hash is what it always was.
  const payload = JSON.stringify([
    request.endpoint,
    request.batchAuthMethod,
    request.organizations,
    ...(request.confirmedNotSubmitted ? [request.confirmedNotSubmitted] : []),
    ...(request.proxyOrganizationId ? [{ proxyOrganizationId: request.proxyOrganizationId }] : []),
  ]);
  const payloadHash = hmacHex(key, ['payload', payload]);
  const scope = request.requestKey ? ['requestKey', request.requestKey] : ['payload', payloadHash];
  return { key: hmacHex(key, ['batch', owner, ...scope]), payloadHash };
}
