export default definePageConfig({ navigationBarTitleText: '儿童托管 · 预约', enablePullDownRefresh: true })
