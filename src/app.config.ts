import { ALL_ESS_MINI_APP_IDS } from './domain/essApps';

export default defineAppConfig({
  pages: ['pages/verify/index', 'pages/result/index', 'pages/privacy/index'],
  // Admin pages (enterprise batch authentication): a sub-package, so end users never download them.
  subPackages: [{ root: 'admin', pages: ['pages/enterprises/index', 'pages/authorization/index'] }],
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
  // WeChat search may index the user pages, never the admin ones (copied into dist/weapp by Taro).
  sitemapLocation: 'sitemap.json',
});
