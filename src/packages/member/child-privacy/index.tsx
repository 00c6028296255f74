import { PRIVACY_POLICY_PAGE } from '@/components/PolicyLink'
import { PolicyPage } from '../privacy/PolicyPage'
import { CHILD_RULES } from '../privacy/policy-text'

export default function ChildRulesPage() {
  return <PolicyPage title='儿童个人信息保护规则' sections={CHILD_RULES} seeAlso={PRIVACY_POLICY_PAGE} />
}
