export default definePageConfig({
  navigationBarTitleText: '批量认证链接',
});
