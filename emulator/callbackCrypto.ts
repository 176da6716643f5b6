/**
 * How ESS encrypts and signs its callbacks, written for the emulator on its own (it never imports
 * the product's code, so a mistake made on both sides cannot pass unnoticed): AES-256-CBC with the
 * callback key's UTF-8 bytes as key and their first 16 bytes as IV, PKCS#7 padding done here by
 * hand, base64 out; `Content-Signature: sha256=<hex HMAC-SHA256(token, body)>`. Checked against
 * ESS's published sample (tests/fixtures/ess-callback-vector.json).
 */
import { createCipheriv, createHmac } from 'crypto';

const BLOCK = 16;

function pkcs7(data: Buffer): Buffer {
  const padding = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(padding, padding)]);
}

export function sealCallbackBody(plaintext: string, callbackKey: string): string {
  const key = Buffer.from(callbackKey, 'utf8');
  if (key.length !== 32) throw new RangeError('an ESS callback key has 32 bytes');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, BLOCK));
  cipher.setAutoPadding(false);
  const padded = pkcs7(Buffer.from(plaintext, 'utf8'));
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export function signCallbackBody(body: string, token: string): string {
  return 'sha256=' + createHmac('sha256', Buffer.from(token, 'utf8')).update(body).digest('hex');
}
