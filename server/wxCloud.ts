/**
 * The WeChat cloud, as the functions use it:
 * - the caller's identity, read straight from the environment by wx-server-sdk's own rules (its
 *   `getWXContext()` reads nothing else), so a call does not load the SDK (hundreds of ms on a
 *   cold instance) just to learn the OPENID;
 * - wx-server-sdk itself, for the database only, loaded on first use. In a deployed bundle
 *   `require('wx-server-sdk')` loads `wx-server-sdk.db.js` beside it: the same package built for
 *   the database alone (scripts/wxDatabaseClient.ts), ~85 ms to load where the installed package
 *   takes ~300 ms. Off the WeChat cloud it is never loaded: the store is local there (`TCB_ENV`
 *   unset), and the SDK's database throws for lack of credentials anyway.
 */
export interface WxCloud {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  database: unknown;
}

let cloud: WxCloud | null = null;

export function loadCloud(): WxCloud {
  if (!cloud) {
    const sdk = require('wx-server-sdk') as WxCloud;
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
    cloud = sdk;
  }
  return cloud;
}

/** What `getWXContext()` answers: `OPENID`, `APPID`, `UNIONID`, `ENV`, `SOURCE`, … */
export type WxContext = Record<string, string | number | undefined>;
type Env = Record<string, string | undefined>;

const WX_PREFIX = 'WX_';
/** Keys wx-server-sdk never exposes, with or without the `WX_` prefix. */
const CONTEXT_KEYS_BLACKLIST = ['API_TOKEN', 'TRIGGER_API_TOKEN_V0'];

/**
 * wx-server-sdk 4's `getWXContext()`, rule for rule: `WX_CONTEXT_KEYS` lists environment variable
 * names (comma-separated, no trimming); each set, non-blacklisted one is exposed without its `WX_`
 * prefix, an integer-looking value as a number; then `ENV` (`TCB_ENV` or `SCF_NAMESPACE`) and,
 * when `TCB_SOURCE` is set, `SOURCE`. Without `WX_CONTEXT_KEYS` the context is empty.
 * (tests/server/wxCloudContext.test.ts compares it with the SDK's own on many environments.)
 */
export function readWxContext(env: Env = process.env): WxContext {
  const context: WxContext = {};
  if (!env.WX_CONTEXT_KEYS) return context;
  for (const key of env.WX_CONTEXT_KEYS.split(',')) {
    if (!key) continue;
    if (CONTEXT_KEYS_BLACKLIST.some((k) => k === key || WX_PREFIX + k === key)) continue;
    const raw = env[key];
    if (raw === undefined) continue;
    const value = /^[-]?\d+$/.test(raw) ? Number.parseInt(raw, 10) : raw;
    context[key.startsWith(WX_PREFIX) && key.length > WX_PREFIX.length ? key.slice(3) : key] =
      value;
  }
  context.ENV = env.TCB_ENV || env.SCF_NAMESPACE;
  if (env.TCB_SOURCE) context.SOURCE = env.TCB_SOURCE;
  return context;
}

export interface CallerContext {
  openid: string | null;
  appid?: string;
  /** `TCB_SOURCE` in the cloud, e.g. `wx_client`; set by the local gateway for the browser. */
  source?: string;
}

/** The caller as the functions see it, from a `getWXContext()`-shaped context. */
export function callerFromContext(context: WxContext): CallerContext {
  const openid = typeof context.OPENID === 'string' && context.OPENID ? context.OPENID : null;
  return {
    openid,
    appid: typeof context.APPID === 'string' ? context.APPID : undefined,
    source: typeof context.SOURCE === 'string' ? context.SOURCE : undefined,
  };
}

/** The caller of this invocation (read per call: the local gateway sets it per request). */
export function getCaller(env: Env = process.env): CallerContext {
  return callerFromContext(readWxContext(env));
}
