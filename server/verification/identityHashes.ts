/**
 * Keyed hashes kept at rest instead of personal data. Keyed with a key derived from a server
 * secret (`DATA_HASH_KEY`): without it the hash of an ID number could be reversed by enumerating
 * ID numbers.
 */
import { createHmac } from 'crypto';
import type { VerificationInput } from '../../src/domain/verificationInput';

function keyed(secret: string, purpose: string, parts: string[]): string {
  const key = createHmac('sha256', secret).update(purpose).digest();
  return createHmac('sha256', key).update(parts.join('\u0000')).digest('hex');
}

/** The person: name + ID number. A verified user submitting the same person is "the same". */
export function personHash(
  secret: string,
  input: Pick<VerificationInput, 'name' | 'idCardNumber'>,
) {
  return keyed(secret, 'ess-verify/person-hash/v1', [input.name, input.idCardNumber]);
}

/**
 * The request: name + ID number + mobile. ESS binds a link to the mobile too, so a link is
 * reused only for the very same three values.
 */
export function linkHash(secret: string, input: VerificationInput): string {
  return keyed(secret, 'ess-verify/identity-hash/v1', [
    input.name,
    input.idCardNumber,
    input.mobile,
  ]);
}
