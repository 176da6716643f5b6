/**
 * WeChat privacy authorization (用户隐私保护指引). On weapp these wrap Taro's privacy APIs;
 * on h5 there is nothing to authorise, so every call is a no-op that reports "authorized".
 */
import Taro from '@tarojs/taro';

/** The id of the `openType="agreePrivacyAuthorization"` button; WeChat checks it was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree-button';

export type PrivacyDecision = { event: 'agree'; buttonId: string } | { event: 'disagree' };
export type PrivacyResolve = (decision: PrivacyDecision) => void;
export interface PrivacySetting {
  needAuthorization: boolean;
  /** e.g. 《XX小程序隐私保护指引》 */
  contractName?: string;
}

const isH5 = process.env.TARO_ENV === 'h5';

/** Whether the user still has to agree to the privacy guide. Never rejects. */
export function getPrivacySetting(): Promise<PrivacySetting> {
  if (isH5 || typeof Taro.getPrivacySetting !== 'function') {
    return Promise.resolve({ needAuthorization: false });
  }
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (res) =>
        resolve({
          needAuthorization: !!res.needAuthorization,
          contractName: res.privacyContractName,
        }),
      // Old base library or no privacy guide configured: WeChat will not block anything.
      fail: () => resolve({ needAuthorization: false }),
    });
  });
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
  if (!isH5 && !registered && typeof Taro.onNeedPrivacyAuthorization === 'function') {
    registered = true;
    Taro.onNeedPrivacyAuthorization((resolve) => {
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
  if (isH5 || typeof Taro.openPrivacyContract !== 'function') return;
  Taro.openPrivacyContract({ fail: () => undefined });
}
