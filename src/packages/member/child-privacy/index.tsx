import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { PRIVACY_POLICY_PAGE, PolicyLink } from '@/components/PolicyLink'
import { Page } from '@/components/Page'
import { PolicyDocument } from '../privacy/PolicyDocument'
import { CHILD_RULES } from '../privacy/policy-text'
import '../privacy/index.scss'

export default function ChildRulesPage() {
  return (
    <Page title='儿童个人信息保护规则'>
      <PolicyDocument sections={CHILD_RULES} />
      <View className='card'>
        <PolicyLink page={PRIVACY_POLICY_PAGE} prefix='另见' />
        <Button className='tap button policy__action' onClick={() => Taro.navigateTo({ url: '/packages/member/my-data/index' })}>
          查看我的数据
        </Button>
      </View>
    </Page>
  )
}
