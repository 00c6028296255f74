export default definePageConfig({ navigationBarTitleText: '需求征集' })
