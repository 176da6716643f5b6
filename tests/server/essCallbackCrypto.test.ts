import { readFileSync } from 'fs';
import path from 'path';
import {
  contentSignature,
  decryptEssCallback,
  encryptEssCallback,
  hasValidContentSignature,
} from '../../server/callback/essCallbackCrypto';

// The official ESS callback decryption sample (public data, copied into the project's fixtures).
const vector = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/ess-callback-vector.json'), 'utf8'),
) as { key: string; encrypt: string; decrypted: unknown };

describe('ESS callback crypto', () => {
  it('decrypts the official sample to its documented JSON', () => {
    expect(JSON.parse(decryptEssCallback(vector.encrypt, vector.key))).toEqual(vector.decrypted);
  });

  it('encrypts as ESS does (round trip and the same ciphertext for the sample)', () => {
    const plaintext = decryptEssCallback(vector.encrypt, vector.key);
    expect(encryptEssCallback(plaintext, vector.key)).toBe(vector.encrypt);
  });

  it('rejects a wrong key and a key of the wrong length', () => {
    expect(() => decryptEssCallback(vector.encrypt, 'X'.repeat(32))).toThrow();
    expect(() => decryptEssCallback(vector.encrypt, 'short')).toThrow(/32/);
  });

  it('checks the Content-Signature header (HMAC-SHA256 of the raw body)', () => {
    const body = JSON.stringify({ encrypt: vector.encrypt });
    const header = contentSignature(body, 'token-1');
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hasValidContentSignature(body, header, 'token-1')).toBe(true);
    expect(hasValidContentSignature(body, header, 'token-2')).toBe(false);
    expect(hasValidContentSignature(`${body} `, header, 'token-1')).toBe(false);
    expect(hasValidContentSignature(body, undefined, 'token-1')).toBe(false);
  });
});
