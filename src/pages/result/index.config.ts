export default definePageConfig({
  navigationBarTitleText: '实名结果',
});
