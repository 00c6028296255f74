export default definePageConfig({ navigationBarTitleText: '社区助餐 · 订餐', enablePullDownRefresh: true })
