/** Random identifiers shaped like the ones ESS hands out. */
import { randomInt, randomUUID } from 'crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** The RequestId of an answer. */
export function newRequestId(): string {
  return randomUUID();
}

/** `shortKey` of a link: 20 characters starting with `yDC`, e.g. `yDCZHUyOcExAlcOvNod0`. */
export function newShortKey(): string {
  return `yDC${randomAlphanumeric(17)}`;
}

/** The code of an `https://essurl.cn/<code>` short link: 10 characters. */
export function newShortUrlCode(): string {
  return randomAlphanumeric(10);
}

/** Task, sub-task and token ids: 32 characters starting with `yD`, e.g. `yDwcCUUgyg3tgmwcUEVzyNaupO7DiB3E`. */
export function newLongId(): string {
  return `yD${randomAlphanumeric(30)}`;
}
