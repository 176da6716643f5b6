import { ALL_ESS_MINI_APP_IDS } from './domain/essApps';

export default defineAppConfig({
  pages: ['pages/verify/index', 'pages/result/index', 'pages/privacy/index'],
  // Admin pages (enterprise batch authentication): a sub-package, so end users never download them.
  subPackages: [{ root: 'admin', pages: ['pages/enterprises/index', 'pages/authorization/index'] }],
  // WeChat's dark mode: the navigation bar and window colours come from theme.json (light / dark);
  // the pages switch their own colours with `prefers-color-scheme` (app.css).
  darkmode: true,
  themeLocation: 'theme.json',
  window: {
    backgroundTextStyle: '@bgTextStyle',
    backgroundColor: '@bgColor',
    backgroundColorTop: '@bgColorTop',
    backgroundColorBottom: '@bgColorBottom',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTitleText: '实名认证',
    navigationBarTextStyle: '@navTextStyle',
  },
  // The ESS mini-programs (production and joint-debugging) opened half-screen by openEmbeddedMiniProgram.
  embeddedAppIdList: [...ALL_ESS_MINI_APP_IDS],
  // Privacy APIs (getPrivacySetting, onNeedPrivacyAuthorization, agreePrivacyAuthorization button).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
  // WeChat search may index the user pages, never the admin ones (copied into dist/weapp by Taro).
  sitemapLocation: 'sitemap.json',
});
