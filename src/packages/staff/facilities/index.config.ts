export default definePageConfig({ navigationBarTitleText: '设施管理', enablePullDownRefresh: true })
