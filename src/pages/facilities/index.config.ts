export default definePageConfig({
  navigationBarTitleText: '家门口 · 社区服务',
  enablePullDownRefresh: true,
})
