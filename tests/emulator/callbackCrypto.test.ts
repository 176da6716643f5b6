/**
 * The emulator's own callback encryption (an independent witness of the product's decryption)
 * against ESS's published sample.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { createDecipheriv, createHmac } from 'crypto';
import { sealCallbackBody, signCallbackBody } from '../../emulator/callbackCrypto';

const vector = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/ess-callback-vector.json'), 'utf8'),
) as { key: string; encrypt: string; decrypted: unknown };

describe("the emulator's callback crypto", () => {
  it('encrypts the sample plaintext to exactly the published ciphertext', () => {
    const key = Buffer.from(vector.key, 'utf8');
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(vector.encrypt, 'base64')),
      decipher.final(),
    ]).toString('utf8');
    expect(JSON.parse(plaintext)).toEqual(vector.decrypted);
    expect(sealCallbackBody(plaintext, vector.key)).toBe(vector.encrypt);
  });

  it('pads a whole block when the plaintext fills its last one, and refuses short keys', () => {
    const sealed = Buffer.from(sealCallbackBody('x'.repeat(32), vector.key), 'base64');
    expect(sealed).toHaveLength(48);
    expect(() => sealCallbackBody('{}', 'short')).toThrow(/32/);
  });

  it('signs the body as ESS does (HMAC-SHA256 with the token, hex)', () => {
    expect(signCallbackBody('{"encrypt":"abc"}', 'token')).toBe(
      'sha256=' + createHmac('sha256', 'token').update('{"encrypt":"abc"}').digest('hex'),
    );
    expect(signCallbackBody('a', 'token')).not.toBe(signCallbackBody('b', 'token'));
  });
});
