export default definePageConfig({ navigationBarTitleText: '家政便民', enablePullDownRefresh: true })
