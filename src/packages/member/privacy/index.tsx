import { CHILD_RULES_PAGE } from '@/components/PolicyLink'
import { PolicyPage } from './PolicyPage'
import { PRIVACY_POLICY } from './policy-text'

export default function PrivacyPolicyPage() {
  return <PolicyPage title='隐私政策' sections={PRIVACY_POLICY} seeAlso={CHILD_RULES_PAGE} />
}
