/**
 * ESS error messages may quote what was sent ("姓名张三与证件号不匹配"). Before such a message is
 * logged, every personal value of the request it answers is replaced by its masked form.
 */
import { maskIdCardNumber, maskMobile, maskName } from '../../src/domain/mask';

const PERSONAL_KEY = /(Name|IdCardNumber|Mobile)$/;

function maskFor(key: string, value: string): string {
  if (key.endsWith('Mobile')) return maskMobile(value);
  if (key.endsWith('IdCardNumber')) return maskIdCardNumber(value);
  return maskName(value);
}

/** [value, masked] for every personal field (`…Name`, `…IdCardNumber`, `…Mobile`) at any depth. */
export function personalValues(request: unknown, key = ''): [string, string][] {
  if (typeof request === 'string') {
    return PERSONAL_KEY.test(key) && request.length >= 2 ? [[request, maskFor(key, request)]] : [];
  }
  if (Array.isArray(request)) return request.flatMap((item) => personalValues(item, key));
  if (request && typeof request === 'object') {
    return Object.entries(request).flatMap(([k, v]) => personalValues(v, k));
  }
  return [];
}

export function redactRequestValues(message: string, request: unknown): string {
  // Longest first, so a name inside a longer value is not masked half-way.
  const pairs = personalValues(request).sort((a, b) => b[0].length - a[0].length);
  return pairs.reduce((text, [value, masked]) => text.split(value).join(masked), message);
}
