export default definePageConfig({
  navigationBarTitleText: '设施详情',
  enablePullDownRefresh: true,
  // 转发: the page's useShareAppMessage gives the card its title and path.
  enableShareAppMessage: true,
})
