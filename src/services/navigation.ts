/** Page routes and the moves between them. */
import Taro from '@tarojs/taro';

export const ROUTES = {
  verify: '/pages/verify/index',
  result: '/pages/result/index',
  privacy: '/pages/privacy/index',
} as const;

/**
 * Query parameter of the result page when the user comes back from ESS. The H5 build's JumpUrl
 * (set by the local stack) carries the same `from=ess`, so both platforms read it the same way.
 */
export const FROM_ESS_PARAM = { name: 'from', value: 'ess' } as const;

const FLOW_ROUTES: readonly string[] = Object.values(ROUTES);

/** True for the pages of the personal verification flow (`route` as WeChat reports it). */
export function isVerificationFlowRoute(route: string | undefined): boolean {
  return FLOW_ROUTES.includes(`/${String(route ?? '').replace(/^\//, '')}`);
}

/**
 * The result page, which asks the server for the status. `replace` closes the current page;
 * `afterEss` tells it the user just came back from ESS (it then checks again by itself).
 */
export function goToResult(options: { replace?: boolean; afterEss?: boolean } = {}): void {
  const url = options.afterEss
    ? `${ROUTES.result}?${FROM_ESS_PARAM.name}=${FROM_ESS_PARAM.value}`
    : ROUTES.result;
  if (options.replace) Taro.redirectTo({ url });
  else Taro.navigateTo({ url });
}

/** Back to the form (keeping what was typed when the form is still open underneath). */
export function backToForm(): void {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  const formIndex = pages
    .map((page) => `/${String(page.route ?? '').replace(/^\//, '')}`)
    .lastIndexOf(ROUTES.verify);
  if (formIndex >= 0 && formIndex < pages.length - 1) {
    Taro.navigateBack({ delta: pages.length - 1 - formIndex });
  } else {
    Taro.redirectTo({ url: ROUTES.verify });
  }
}

/**
 * A fresh form, every other page of the flow closed: after a withdrawal nothing typed before may
 * remain on screen (a verify page still open underneath would keep the name and ID number).
 */
export function startAfresh(): void {
  Taro.reLaunch({ url: ROUTES.verify });
}

export function openPrivacyNotice(): void {
  Taro.navigateTo({ url: ROUTES.privacy });
}

/**
 * Scrolls the page to `target` (a selector, or the top). Taro's `pageScrollTo` may be missing
 * (some H5 hosts) or reject (element not rendered yet): the page stays where it is then.
 */
export function scrollPageTo(target: { selector: string } | 'top', duration = 300): void {
  if (typeof Taro.pageScrollTo !== 'function') return;
  const where = target === 'top' ? { scrollTop: 0 } : { selector: target.selector };
  void Promise.resolve(Taro.pageScrollTo({ ...where, duration })).catch(() => undefined);
}
