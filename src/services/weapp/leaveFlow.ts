/** Leaving the finished verification flow in the mini-program. */
import Taro from '@tarojs/taro';
import { isEssMiniAppId } from '../../domain/essApps';
import { isVerificationFlowRoute } from '../navigation';
import type { LeaveFlowTarget } from '../types';

/** Back to another mini-program that opened this one, or closes it (base library 2.17.3+). */
function exitMiniProgram(onStuck: () => void): void {
  const referrer = Taro.getEnterOptionsSync?.()?.referrerInfo?.appId;
  if (referrer && !isEssMiniAppId(referrer) && typeof Taro.navigateBackMiniProgram === 'function') {
    Taro.navigateBackMiniProgram({ fail: () => exitMiniProgram(onStuck) }).catch(() => undefined);
    return;
  }
  if (typeof Taro.exitMiniProgram !== 'function') {
    onStuck();
    return;
  }
  Taro.exitMiniProgram({ fail: onStuck }).catch(() => undefined);
}

/**
 * A configured page is opened with `reLaunch` (it closes the flow's pages and also reaches tab
 * pages). A URL cannot be opened by a mini-program outside a web-view, so it is ignored here.
 * Without a page: back to the pages that were open before the flow, or out of the mini-program.
 */
export function leaveFlow(target: LeaveFlowTarget | null, onStuck: () => void): void {
  if (target?.kind === 'page') {
    Taro.reLaunch({ url: target.path, fail: onStuck }).catch(() => undefined);
    return;
  }
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  const firstFlowPage = pages.findIndex((page) => isVerificationFlowRoute(page.route));
  if (firstFlowPage > 0) {
    Taro.navigateBack({ delta: pages.length - firstFlowPage }).catch(() => undefined);
    return;
  }
  exitMiniProgram(onStuck);
}
