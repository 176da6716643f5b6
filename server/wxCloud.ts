/**
 * wx-server-sdk, loaded on first use. Off the WeChat cloud only `getWXContext()` is used (it reads
 * the caller's identity from env `WX_CONTEXT_KEYS` + `WX_OPENID`, …); the database is used only
 * when `TCB_ENV` says we are in the cloud, since off-cloud it throws for lack of credentials.
 */
export interface WxCloud {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  getWXContext(): Record<string, string | number | undefined>;
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

export interface CallerContext {
  openid: string | null;
  appid?: string;
  /** `TCB_SOURCE` in the cloud, e.g. `wx_client`; set by the local gateway for the browser. */
  source?: string;
}

export function getCaller(): CallerContext {
  const ctx = loadCloud().getWXContext();
  const openid = typeof ctx.OPENID === 'string' && ctx.OPENID ? ctx.OPENID : null;
  return {
    openid,
    appid: typeof ctx.APPID === 'string' ? ctx.APPID : undefined,
    source: typeof ctx.SOURCE === 'string' ? ctx.SOURCE : undefined,
  };
}
