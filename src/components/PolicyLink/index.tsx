import { Text } from '@tarojs/components'
import { pressable } from '@/components/a11y'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

export const PRIVACY_POLICY_PAGE = '/packages/member/privacy/index'
export const CHILD_RULES_PAGE = '/packages/member/child-privacy/index'

const TITLES = { [PRIVACY_POLICY_PAGE]: '《隐私政策》', [CHILD_RULES_PAGE]: '《儿童个人信息保护规则》' } as const

/** A link to the privacy policy or the children's rules, beside every consent and in 我的. */
export function PolicyLink({ page, prefix = '阅读' }: { page: keyof typeof TITLES; prefix?: string }) {
  return (
    <Text className='tap policy-link' {...pressable({ role: 'link', onPress: () => navigateTo({ url: page }) })}>
      {prefix}
      {TITLES[page]}
    </Text>
  )
}
