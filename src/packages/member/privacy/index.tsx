import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { CHILD_RULES_PAGE, PolicyLink } from '@/components/PolicyLink'
import { Page } from '@/components/Page'
import { PolicyDocument } from './PolicyDocument'
import { PRIVACY_POLICY } from './policy-text'
import './index.scss'

export default function PrivacyPolicyPage() {
  return (
    <Page title='隐私政策'>
      <PolicyDocument sections={PRIVACY_POLICY} />
      <View className='card'>
        <PolicyLink page={CHILD_RULES_PAGE} prefix='另见' />
        <Button className='tap button policy__action' onClick={() => Taro.navigateTo({ url: '/packages/member/my-data/index' })}>
          查看我的数据
        </Button>
      </View>
    </Page>
  )
}
