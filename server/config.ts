/**
 * Cloud-function configuration, from environment variables only (see the README's table).
 * Secrets stay on the server: nothing here is ever returned to a client or written to a log.
 */
import { ESS_ENDPOINTS, ESS_MINI_APP_IDS, type EssEnvironment } from '../src/domain/essApps';

export interface EssEndpoint {
  /** `host[:port]`, as the SDK's `httpProfile.endpoint` takes it. */
  host: string;
  /** `https://` or `http://` (plain http only makes sense for a local emulator). */
  protocol: 'https://' | 'http://';
}

export interface EssConfig {
  secretId: string;
  secretKey: string;
  operatorId: string;
  endpoint: EssEndpoint;
  region: string;
  environment: EssEnvironment;
  /** The ESS mini-program of `environment` (a link opens only there; always its release). */
  miniAppId: string;
  /** Time-out of one ESS HTTP request. */
  requestTimeoutMs: number;
  /** Attempts per ESS call, the first included (retries only for transient errors). */
  maxAttempts: number;
  /**
   * ESS calls per second allowed for each API action, across every function instance
   * (`ESS_RATE_LIMIT`, default 20: ESS's own limit); the pacer (`ess/pacer.ts`) keeps to it.
   */
  rateLimitPerSecond: number;
  /**
   * Secret that keys the hashes kept at rest (identity hashes, batch keys): `DATA_HASH_KEY`, or
   * the ESS SecretKey when unset. Set it to rotate the ESS key without changing stored hashes.
   */
  hashSecret: string;
  /** New ESS links per WeChat user per 24 hours (`ESS_LINK_QUOTA`); reused links are free. */
  linkQuota: number;
  /**
   * A pending user's status is asked of ESS at most once per this many ms
   * (`ESS_STATUS_RECHECK_MS`); the stored answer is served in between.
   */
  statusRecheckMs: number;
}

export type ConfigResult = { ok: true; config: EssConfig } | { ok: false; problems: string[] };

type Env = Record<string, string | undefined>;

export function parseEssEndpoint(raw: string): EssEndpoint | null {
  const value = raw.trim();
  if (!value) return null;
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    if (url.pathname !== '/' || url.search || url.hash) return null;
    return { host: url.host, protocol: url.protocol === 'http:' ? 'http://' : 'https://' };
  }
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(value)) return null;
  return { host: value, protocol: 'https://' };
}

function environmentOf(endpoint: EssEndpoint, explicit: string | undefined): EssEnvironment | null {
  if (explicit) return explicit === 'production' || explicit === 'test' ? explicit : null;
  return endpoint.host === ESS_ENDPOINTS.test ? 'test' : 'production';
}

function positiveInt(raw: string | undefined, fallback: number, min = 1): number | null {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min ? n : null;
}

export function loadEssConfig(env: Env = process.env): ConfigResult {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim() ?? '';
    if (!value) problems.push(`${name} is not set`);
    return value;
  };
  const secretId = required('ESS_SECRET_ID');
  const secretKey = required('ESS_SECRET_KEY');
  const operatorId = required('ESS_OPERATOR_ID');

  const endpoint = parseEssEndpoint(env.ESS_ENDPOINT?.trim() || ESS_ENDPOINTS.production);
  if (!endpoint)
    problems.push(
      'ESS_ENDPOINT must be a host (ess.tencentcloudapi.com) or an http(s)://host[:port] URL',
    );

  const environment = endpoint ? environmentOf(endpoint, env.ESS_ENV?.trim() || undefined) : null;
  if (endpoint && !environment) problems.push('ESS_ENV must be "production" or "test"');

  const requestTimeoutMs = positiveInt(env.ESS_REQUEST_TIMEOUT_MS, 5000);
  if (requestTimeoutMs === null)
    problems.push('ESS_REQUEST_TIMEOUT_MS must be a positive integer (milliseconds)');
  const maxAttempts = positiveInt(env.ESS_MAX_ATTEMPTS, 3);
  if (maxAttempts === null || maxAttempts > 5)
    problems.push('ESS_MAX_ATTEMPTS must be an integer from 1 to 5');
  const rateLimitPerSecond = positiveInt(env.ESS_RATE_LIMIT, 20);
  if (rateLimitPerSecond === null || rateLimitPerSecond > 1000)
    problems.push('ESS_RATE_LIMIT must be an integer from 1 to 1000 (calls per second per action)');

  const linkQuota = positiveInt(env.ESS_LINK_QUOTA, 5);
  if (linkQuota === null)
    problems.push('ESS_LINK_QUOTA must be a positive integer (links per day)');
  const statusRecheckMs = positiveInt(env.ESS_STATUS_RECHECK_MS, 3000, 0);
  if (statusRecheckMs === null || statusRecheckMs > 30_000)
    problems.push('ESS_STATUS_RECHECK_MS must be an integer from 0 to 30000 (milliseconds)');

  if (problems.length || !endpoint || !environment) return { ok: false, problems };
  return {
    ok: true,
    config: {
      secretId,
      secretKey,
      operatorId,
      endpoint,
      region: env.ESS_REGION?.trim() ?? '',
      environment,
      miniAppId: ESS_MINI_APP_IDS[environment],
      requestTimeoutMs: requestTimeoutMs as number,
      maxAttempts: maxAttempts as number,
      rateLimitPerSecond: rateLimitPerSecond as number,
      hashSecret: env.DATA_HASH_KEY?.trim() || secretKey,
      linkQuota: linkQuota as number,
      statusRecheckMs: statusRecheckMs as number,
    },
  };
}
