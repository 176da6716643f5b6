export default definePageConfig({
  navigationBarTitleText: '企业批量认证',
});
