export default definePageConfig({ navigationBarTitleText: '差评整改', enablePullDownRefresh: true })
