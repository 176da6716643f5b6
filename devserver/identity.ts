/**
 * A per-browser identity standing in for WeChat's OPENID on the local stack: a random session id
 * in an httpOnly, SameSite cookie, signed with a secret kept in the local data directory (so
 * identities survive a restart and cannot be forged or guessed from the browser).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';

export const SESSION_COOKIE = 'ess_local_sid';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export interface LocalIdentity {
  /** The OPENID the cloud functions see. */
  openid: string;
  /** A Set-Cookie header value when the browser had no valid cookie yet. */
  setCookie?: string;
}

export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'local-gateway-secret');
  try {
    const existing = readFileSync(file);
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function sign(secret: Buffer, sid: string): string {
  return createHmac('sha256', secret).update(sid).digest('base64url');
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return cookies;
}

/** The session id in a correctly signed cookie, or null. */
export function verifySessionCookie(
  secret: Buffer,
  cookieHeader: string | undefined,
): string | null {
  const value = parseCookies(cookieHeader)[SESSION_COOKIE];
  if (!value) return null;
  const [sid, mac] = value.split('.');
  if (!sid || !mac || !/^[\w-]{16,64}$/.test(sid)) return null;
  const expected = Buffer.from(sign(secret, sid));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? sid : null;
}

export function openIdForSession(sid: string): string {
  return `oLocal_${sid}`;
}

function sessionCookie(secret: Buffer, sid: string, secure: boolean): string {
  const attributes = [
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${ONE_YEAR_SECONDS}`,
    ...(secure ? ['Secure'] : []),
  ];
  return `${SESSION_COOKIE}=${sid}.${sign(secret, sid)}; ${attributes.join('; ')}`;
}

/**
 * The local stack's enterprise admin: a fixed session derived from the secret (stable across
 * restarts), entered through a login URL whose key only the terminal running `npm start` shows.
 */
export function localAdmin(secret: Buffer) {
  const sid = createHmac('sha256', secret)
    .update('local-admin-session')
    .digest('base64url')
    .slice(0, 22);
  const loginKey = createHmac('sha256', secret).update('local-admin-login').digest('base64url');
  return {
    openid: openIdForSession(sid),
    loginKey,
    /** Set-Cookie for the admin session, when `key` is the login key. */
    login(key: string | null, secure = false): string | null {
      if (!key) return null;
      const given = Buffer.from(key);
      const expected = Buffer.from(loginKey);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return sessionCookie(secret, sid, secure);
    },
  };
}

export function identify(
  secret: Buffer,
  cookieHeader: string | undefined,
  secure = false,
): LocalIdentity {
  const existing = verifySessionCookie(secret, cookieHeader);
  if (existing) return { openid: openIdForSession(existing) };
  const sid = randomBytes(16).toString('base64url');
  return { openid: openIdForSession(sid), setCookie: sessionCookie(secret, sid, secure) };
}

/** The callback key and token shared by the local stack's emulator and its essCallback function. */
export function localCallbackSecrets(secret: Buffer): { key: string; token: string } {
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest('hex');
  return {
    key: derive('local-ess-callback-key').slice(0, 32),
    token: derive('local-ess-callback-token'),
  };
}
