import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { type CHILD_RULES_PAGE, PolicyLink, type PRIVACY_POLICY_PAGE } from '@/components/PolicyLink'
import { Page } from '@/components/Page'
import { PolicyDocument } from './PolicyDocument'
import type { PolicySection } from './policy-text'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

interface PolicyPageProps {
  title: string
  sections: PolicySection[]
  /** The other policy, linked at the end. */
  seeAlso: typeof PRIVACY_POLICY_PAGE | typeof CHILD_RULES_PAGE
}

/** A policy to read, ending with the other policy and the way to the data it speaks of. */
export function PolicyPage({ title, sections, seeAlso }: PolicyPageProps) {
  return (
    <Page title={title}>
      <PolicyDocument sections={sections} />
      <View className='card'>
        <PolicyLink page={seeAlso} prefix='另见' />
        <Button className='tap button policy__action' onClick={() => navigateTo({ url: '/packages/member/my-data/index' })}>
          查看我的数据
        </Button>
      </View>
    </Page>
  )
}
