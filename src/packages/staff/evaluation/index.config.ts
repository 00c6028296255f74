export default definePageConfig({ navigationBarTitleText: '运营评估', enablePullDownRefresh: true })
