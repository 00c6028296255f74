export default definePageConfig({ navigationBarTitleText: '合格运营商名单', enablePullDownRefresh: true })
