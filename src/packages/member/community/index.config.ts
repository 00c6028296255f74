export default definePageConfig({ navigationBarTitleText: '我住的社区' })
