/**
 * The admin sub-package's routes: the pages of the operators (the people listed in
 * `ADMIN_OPENIDS`), opened by path; no user-facing page links here.
 */
import Taro from '@tarojs/taro';
import { ROUTES } from '../services/navigation';

export const ADMIN_ROUTES = {
  enterprises: '/admin/pages/enterprises/index',
  authorization: '/admin/pages/authorization/index',
} as const;

export function goToAuthorization(): void {
  Taro.navigateTo({ url: ADMIN_ROUTES.authorization });
}

const previousRoute = (): string | null => {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  return pages.length > 1
    ? `/${String(pages[pages.length - 2].route ?? '').replace(/^\//, '')}`
    : null;
};

/** Back to the enterprises page (keeping what was typed there when it is open underneath). */
export function goToEnterprises(): void {
  if (previousRoute() === ADMIN_ROUTES.enterprises) Taro.navigateBack({ delta: 1 });
  else Taro.navigateTo({ url: ADMIN_ROUTES.enterprises });
}

/** Back to where the operator came from, or to the app's home page when this page was opened first. */
export function leaveOperatorPages(): void {
  if (previousRoute() !== null) Taro.navigateBack({ delta: 1 });
  else Taro.reLaunch({ url: ROUTES.verify });
}
