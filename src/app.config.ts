import { ALL_ESS_MINI_APP_IDS } from './domain/essApps';

export default defineAppConfig({
  pages: ['pages/verify/index', 'pages/result/index', 'pages/privacy/index'],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '实名认证',
    navigationBarTextStyle: 'black',
  },
  // The ESS mini-programs (production and joint-debugging) opened half-screen by openEmbeddedMiniProgram.
  embeddedAppIdList: [...ALL_ESS_MINI_APP_IDS],
  // Privacy APIs (getPrivacySetting, onNeedPrivacyAuthorization, agreePrivacyAuthorization button).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
