export default definePageConfig({ navigationBarTitleText: '家政便民' })
