export default definePageConfig({ navigationBarTitleText: '婴幼儿托育 · 预约', enablePullDownRefresh: true })
