import { Page } from '@/components/Page'
import { PolicyDocument } from './PolicyDocument'
import { PRIVACY_POLICY } from './policy-text'
import './index.scss'

export default function PrivacyPolicyPage() {
  return (
    <Page title='隐私政策'>
      <PolicyDocument sections={PRIVACY_POLICY} />
    </Page>
  )
}
