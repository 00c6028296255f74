export default definePageConfig({ navigationBarTitleText: '日间照料 · 预约', enablePullDownRefresh: true })
