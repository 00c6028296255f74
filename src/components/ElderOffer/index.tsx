import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { useElderOffer } from '@/stores/elder-mode'
import './index.scss'

/**
 * First start with WeChat's text set large (or 关怀模式): 长辈版 is offered in the page — no pop-up (适老化) — once;
 * either answer is remembered, and 我的 keeps the switch.
 */
export function ElderOffer() {
  const offer = useElderOffer()
  if (!offer.show) return null
  return (
    <View className='card elder-offer' {...roleProps('region', '长辈版')}>
      <Text className='elder-offer__text'>您的微信字体调得较大，要打开长辈版吗？字更大、按钮更大。</Text>
      <View className='elder-offer__actions'>
        <Button className='tap button button--primary' onClick={offer.accept}>
          打开长辈版
        </Button>
        <Button className='tap button' onClick={offer.decline}>
          不用了
        </Button>
      </View>
      <Text className='muted'>以后可以在「我的」里开关。</Text>
    </View>
  )
}
