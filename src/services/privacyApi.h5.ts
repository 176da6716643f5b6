/**
 * The browser has no WeChat privacy authorization: nothing to agree to, nothing to register. Taro's
 * h5 stubs of these APIs report success, so they are never called (the consent box on the form is
 * the only consent on h5).
 */
import type { PrivacyApi } from './types';

export const privacyApi: PrivacyApi = {
  getSetting: () => Promise.resolve({ needAuthorization: false }),
  listen: () => undefined,
  openContract: () => undefined,
};
