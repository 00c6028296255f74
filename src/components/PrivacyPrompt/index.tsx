import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { PRIVACY_POLICY_PAGE, PolicyLink } from '@/components/PolicyLink'
import { roleProps } from '@/components/a11y'
import { answerPrivacyPrompt, usePendingPrivacyPrompt } from '@/stores/privacy-prompt'
import './index.scss'

const AGREE_BUTTON = 'agree-privacy'

/**
 * WeChat's privacy prompt, in the app's own words, shown on the page whose call needs it (the first time the
 * resident asks for distances or a delivery spot): agreeing goes through WeChat's agreePrivacyAuthorization button.
 */
export function PrivacyPrompt() {
  const pending = usePendingPrivacyPrompt()
  if (!pending) return null
  return (
    <View className='card privacy-prompt' {...roleProps('dialog')} aria-label='隐私保护提示'>
      <Text className='section-title'>使用位置前，请您知悉</Text>
      <Text className='muted privacy-prompt__text'>为了找到离您最近的设施、确定送餐位置，需要使用您的位置。位置只用于这一次，不会保存。</Text>
      <PolicyLink page={PRIVACY_POLICY_PAGE} />
      <View className='privacy-prompt__actions'>
        <Button
          className='tap button button--primary'
          id={AGREE_BUTTON}
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => answerPrivacyPrompt({ event: 'agree', buttonId: AGREE_BUTTON })}
        >
          同意并继续
        </Button>
        <Button className='tap button' onClick={() => answerPrivacyPrompt({ event: 'disagree' })}>
          不同意
        </Button>
      </View>
    </View>
  )
}
