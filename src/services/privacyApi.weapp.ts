/** WeChat's privacy APIs (base library 2.32.3+), through Taro; absent ones mean "nothing to do". */
import Taro from '@tarojs/taro';
import type { PrivacyApi } from './types';

export const privacyApi: PrivacyApi = {
  getSetting() {
    if (typeof Taro.getPrivacySetting !== 'function') {
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
  },
  listen(handler) {
    if (typeof Taro.onNeedPrivacyAuthorization === 'function') {
      Taro.onNeedPrivacyAuthorization((resolve) => handler(resolve));
    }
  },
  openContract() {
    if (typeof Taro.openPrivacyContract !== 'function') return;
    Taro.openPrivacyContract({ fail: () => undefined });
  },
};
