/**
 * ESS callbacks (回调): the body is `{"encrypt": "<base64>"}`, AES-256-CBC with the 32-character
 * callback key (UTF-8 bytes) as key and its first 16 bytes as IV, PKCS#7 padding; when a callback
 * token is configured, the header `Content-Signature: sha256=<hex>` is HMAC-SHA256(token, raw body).
 */
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'crypto';

function keyAndIv(callbackKey: string): { key: Buffer; iv: Buffer } {
  const key = Buffer.from(callbackKey, 'utf8');
  if (key.length !== 32)
    throw new Error('the ESS callback key must be 32 bytes (32 ASCII characters)');
  return { key, iv: key.subarray(0, 16) };
}

export function decryptEssCallback(encrypted: string, callbackKey: string): string {
  const { key, iv } = keyAndIv(callbackKey);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([
    decipher.update(Buffer.from(encrypted, 'base64')),
    decipher.final(),
  ]).toString('utf8');
}

/** The inverse, as ESS does it (used by the emulator and tests). */
export function encryptEssCallback(plaintext: string, callbackKey: string): string {
  const { key, iv } = keyAndIv(callbackKey);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export function contentSignature(rawBody: string, token: string): string {
  return `sha256=${createHmac('sha256', token).update(rawBody, 'utf8').digest('hex')}`;
}

export function hasValidContentSignature(
  rawBody: string,
  header: string | undefined,
  token: string,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(contentSignature(rawBody, token));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
