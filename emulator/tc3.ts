/**
 * TC3-HMAC-SHA256 request signature of Tencent Cloud API 3.0, verified the way the gateway does.
 * Pure: no I/O, no clock (the caller passes the time).
 *
 * Canonical request:  METHOD \n PATH \n QUERY \n CANONICAL_HEADERS \n SIGNED_HEADERS \n sha256hex(body)
 *   where CANONICAL_HEADERS is `name:value\n` for each signed header, name and value lower-cased
 *   and trimmed (per the API 3.0 signature documentation).
 * String to sign:     TC3-HMAC-SHA256 \n TIMESTAMP \n DATE/SERVICE/tc3_request \n sha256hex(canonical request)
 * Signing key:        HMAC chain "TC3"+SecretKey -> DATE -> SERVICE -> "tc3_request"
 */
import { createHash, createHmac, timingSafeEqual } from 'crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3Authorization {
  secretId: string;
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  service: string;
  /** Lower-case header names, in the order the client listed them. */
  signedHeaders: string[];
  /** 64 lower-case hex characters. */
  signature: string;
}

const AUTHORIZATION_PATTERN = new RegExp(
  `^${TC3_ALGORITHM} Credential=([^/\\s,]+)/(\\d{4}-\\d{2}-\\d{2})/([^/\\s,]+)/tc3_request,\\s*` +
    'SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*),\\s*Signature=([0-9a-f]{64})$',
);

/** Parses `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=..., Signature=...`. */
export function parseAuthorization(header: string | undefined): Tc3Authorization | null {
  const match = AUTHORIZATION_PATTERN.exec((header ?? '').trim());
  if (!match) return null;
  const [, secretId, date, service, signedHeaders, signature] = match;
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The UTC calendar date (`YYYY-MM-DD`) of a Unix time in seconds. */
export function utcDateOf(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

export interface CanonicalRequestInput {
  method: string;
  path: string;
  /** The query string without `?` (empty for API 3.0 POST requests). */
  query: string;
  /** Lower-case header name -> value, for every signed header. */
  headerValues: Record<string, string>;
  signedHeaders: string[];
  body: Buffer | string;
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const canonicalHeaders = input.signedHeaders
    .map((name) => `${name}:${(input.headerValues[name] ?? '').trim().toLowerCase()}\n`)
    .join('');
  return [
    input.method.toUpperCase(),
    input.path,
    input.query,
    canonicalHeaders,
    input.signedHeaders.join(';'),
    sha256Hex(input.body),
  ].join('\n');
}

export function stringToSign(
  timestampSeconds: number,
  date: string,
  service: string,
  canonical: string,
): string {
  return [
    TC3_ALGORITHM,
    String(timestampSeconds),
    `${date}/${service}/tc3_request`,
    sha256Hex(canonical),
  ].join('\n');
}

export function tc3Signature(
  secretKey: string,
  date: string,
  service: string,
  toSign: string,
): string {
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return createHmac('sha256', signingKey).update(toSign, 'utf8').digest('hex');
}

function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The service a request must be signed for: the first label of its Host (`ess` for ess.tencentcloudapi.com). */
export function serviceOfHost(host: string): string {
  return host.trim().toLowerCase().split('.')[0];
}

/**
 * Values of the `host` header a client may have signed: the header as sent, and the same without
 * its port (the Node SDK signs `URL.hostname`, while it sends `URL.host`).
 */
function hostCandidates(host: string): string[] {
  const value = host.trim().toLowerCase();
  const withoutPort = value.replace(/:\d+$/, '');
  return withoutPort === value ? [value] : [value, withoutPort];
}

export type Tc3Rejection =
  | 'malformedAuthorization'
  | 'missingTimestamp'
  | 'invalidTimestamp'
  | 'secretIdNotFound'
  | 'expired'
  | 'scopeDateMismatch'
  | 'scopeServiceMismatch'
  | 'requiredHeaderNotSigned'
  | 'signatureMismatch';

export type Tc3Verdict =
  | { ok: true; secretId: string; timestamp: number }
  | { ok: false; reason: Tc3Rejection; secretId?: string; timestamp?: number };

export interface Tc3VerificationInput {
  method: string;
  path: string;
  query: string;
  /** Request headers as Node gives them (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The SecretKey of a SecretId, or undefined when the SecretId is unknown. */
  secretKeyOf: (secretId: string) => string | undefined;
  nowSeconds: number;
  maxAgeSeconds: number;
}

function headerValue(headers: Tc3VerificationInput['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Checks a request's TC3-HMAC-SHA256 signature, in the order the gateway reports problems. */
export function verifyTc3Request(input: Tc3VerificationInput): Tc3Verdict {
  const authorization = parseAuthorization(headerValue(input.headers, 'authorization'));
  if (!authorization) return { ok: false, reason: 'malformedAuthorization' };

  const rawTimestamp = headerValue(input.headers, 'x-tc-timestamp');
  if (rawTimestamp === undefined || rawTimestamp.trim() === '') {
    return { ok: false, reason: 'missingTimestamp', secretId: authorization.secretId };
  }
  if (!/^\d{1,12}$/.test(rawTimestamp.trim())) {
    return { ok: false, reason: 'invalidTimestamp', secretId: authorization.secretId };
  }
  const timestamp = Number(rawTimestamp.trim());
  const rejected = (reason: Tc3Rejection): Tc3Verdict => ({
    ok: false,
    reason,
    secretId: authorization.secretId,
    timestamp,
  });

  const secretKey = input.secretKeyOf(authorization.secretId);
  if (secretKey === undefined) return rejected('secretIdNotFound');
  if (Math.abs(input.nowSeconds - timestamp) > input.maxAgeSeconds) return rejected('expired');
  if (authorization.date !== utcDateOf(timestamp)) return rejected('scopeDateMismatch');

  const host = headerValue(input.headers, 'host') ?? '';
  if (authorization.service !== serviceOfHost(host)) return rejected('scopeServiceMismatch');
  if (
    !authorization.signedHeaders.includes('content-type') ||
    !authorization.signedHeaders.includes('host')
  ) {
    return rejected('requiredHeaderNotSigned');
  }

  const headerValues: Record<string, string> = {};
  for (const name of authorization.signedHeaders) {
    const value = headerValue(input.headers, name);
    if (value === undefined) return rejected('signatureMismatch');
    headerValues[name] = value;
  }

  const matches = hostCandidates(host).some((hostValue) => {
    const canonical = canonicalRequest({
      method: input.method,
      path: input.path,
      query: input.query,
      headerValues: { ...headerValues, host: hostValue },
      signedHeaders: authorization.signedHeaders,
      body: input.body,
    });
    const expected = tc3Signature(
      secretKey,
      authorization.date,
      authorization.service,
      stringToSign(timestamp, authorization.date, authorization.service, canonical),
    );
    return constantTimeEqualHex(expected, authorization.signature);
  });
  return matches
    ? { ok: true, secretId: authorization.secretId, timestamp }
    : rejected('signatureMismatch');
}
