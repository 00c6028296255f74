import Taro from '@tarojs/taro'
import { Page } from '@/components/Page'
import { StateView } from '@/components/StateView'

export default function BookingsPage() {
  return (
    <Page>
      <StateView
        kind='empty'
        text='您还没有预约'
        hint='社区助餐、托育托管、日间照料的在线预约正在开通，开通后您的预约会显示在这里。'
        action={{ label: '先看看身边的服务', onTap: () => Taro.switchTab({ url: '/pages/facilities/index' }) }}
      />
    </Page>
  )
}
