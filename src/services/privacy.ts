/**
 * WeChat privacy authorization (用户隐私保护指引), as the pages use it. The platform part lives
 * in `privacyApi.weapp.ts` / `privacyApi.h5.ts` (on h5 there is nothing to authorise).
 */
import { privacyApi } from './privacyApi';
import type { PrivacyResolve, PrivacySetting } from './types';

export type { PrivacyDecision, PrivacyResolve, PrivacySetting } from './types';

/** The id of the `openType="agreePrivacyAuthorization"` button; WeChat checks it was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree-button';

/** Whether the user still has to agree to the privacy guide. Never rejects. */
export function getPrivacySetting(): Promise<PrivacySetting> {
  return privacyApi.getSetting();
}

type Listener = (resolve: PrivacyResolve) => void;
const listeners: Listener[] = [];
let registered = false;

/**
 * Shows our popup when a privacy-protected API or component needs the user's consent.
 * WeChat keeps one listener, so it is registered once and routed to the latest subscriber.
 * Returns an unsubscribe function.
 */
export function onNeedPrivacyAuthorization(listener: Listener): () => void {
  listeners.push(listener);
  if (!registered) {
    registered = true;
    privacyApi.listen((resolve) => {
      const current = listeners[listeners.length - 1];
      // Nobody can show the popup right now: decline, rather than leave WeChat waiting.
      if (current) current(resolve);
      else resolve({ event: 'disagree' });
    });
  }
  return () => {
    const index = listeners.lastIndexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

/** Opens WeChat's page showing the mini-program's privacy guide. */
export function openPrivacyContract(): void {
  privacyApi.openContract();
}
