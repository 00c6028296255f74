export default definePageConfig({ navigationBarTitleText: '短期托养 · 预约', enablePullDownRefresh: true })
