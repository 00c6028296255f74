import { Page } from '@/components/Page'
import { PolicyDocument } from '../privacy/PolicyDocument'
import { CHILD_RULES } from '../privacy/policy-text'
import '../privacy/index.scss'

export default function ChildRulesPage() {
  return (
    <Page title='儿童个人信息保护规则'>
      <PolicyDocument sections={CHILD_RULES} />
    </Page>
  )
}
