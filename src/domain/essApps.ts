/**
 * The Tencent ESS (腾讯电子签) mini-programs. A link only opens in the mini-program of the ESS
 * environment that issued it, so the app id always follows the ESS endpoint in use.
 */
export type EssEnvironment = 'production' | 'test';

export const ESS_ENDPOINTS: Record<EssEnvironment, string> = {
  production: 'ess.tencentcloudapi.com',
  test: 'ess.test.ess.tencent.cn',
};

export const ESS_MINI_APP_IDS: Record<EssEnvironment, string> = {
  /** 腾讯电子签 */
  production: 'wxa023b292fd19d41d',
  /** 腾讯电子签Demo (joint-debugging) */
  test: 'wx371151823f6f3edf',
};

/** Original ids (gh_…) ESS may answer as `MiniAppId`, mapped to the app id WeChat APIs take. */
const ORIGINAL_ID_TO_APP_ID: Record<string, string> = {
  gh_da88f6188665: ESS_MINI_APP_IDS.production,
  gh_39a5d3de69fa: ESS_MINI_APP_IDS.test,
};

/** ESS's mini-programs are always opened in their released version (ESS's jump doc, both envs). */
export const ESS_MINI_APP_ENV_VERSION = 'release' as const;

export const ALL_ESS_MINI_APP_IDS: readonly string[] = Object.values(ESS_MINI_APP_IDS);

/** `gh_da88f6188665` -> `wxa023b292fd19d41d`; a `wx…` id is returned unchanged. */
export function toMiniAppId(idFromEss: string): string {
  return ORIGINAL_ID_TO_APP_ID[idFromEss] ?? idFromEss;
}

export function isEssMiniAppId(appId: string | undefined | null): boolean {
  return !!appId && ALL_ESS_MINI_APP_IDS.includes(toMiniAppId(appId));
}
