/** Leaving the finished verification flow in the browser (local H5 build). */
import Taro from '@tarojs/taro';
import type { LeaveFlowTarget } from '../types';

/** How long a browser gets to close the tab before the page says it could not. */
const CLOSE_CHECK_MS = 300;

/**
 * A configured URL or page is opened in this tab. Without one, the tab is closed — which browsers
 * only allow for tabs a script opened (or an in-app browser's web-view), so `onStuck` tells the page
 * when the tab is still there.
 */
export function leaveFlow(target: LeaveFlowTarget | null, onStuck: () => void): void {
  if (target?.kind === 'url') {
    window.location.assign(target.url);
    return;
  }
  if (target?.kind === 'page') {
    Taro.reLaunch({ url: target.path, fail: onStuck }).catch(() => undefined);
    return;
  }
  window.close();
  setTimeout(() => {
    if (!window.closed) onStuck();
  }, CLOSE_CHECK_MS);
}
