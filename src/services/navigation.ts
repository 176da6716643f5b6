/** Page routes and the moves between them. */
import Taro from '@tarojs/taro';

export const ROUTES = {
  verify: '/pages/verify/index',
  result: '/pages/result/index',
  privacy: '/pages/privacy/index',
} as const;

/** The result page, which asks the server for the status. `replace` closes the current page. */
export function goToResult(options: { replace?: boolean } = {}): void {
  if (options.replace) Taro.redirectTo({ url: ROUTES.result });
  else Taro.navigateTo({ url: ROUTES.result });
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

export function openPrivacyNotice(): void {
  Taro.navigateTo({ url: ROUTES.privacy });
}
