import { StateView } from '@/components/StateView'
import { navigateTo } from '@/lib/navigate'

/** A care page with nobody in the family it serves yet: why it needs them, and the way to add them. */
export function AddMemberFirst({ who, hint }: { who: '孩子' | '老人'; hint: string }) {
  return (
    <StateView
      kind='empty'
      text={`请先添加${who}的信息`}
      hint={hint}
      action={{ label: who === '孩子' ? '添加孩子' : '添加家人', onTap: () => navigateTo({ url: '/packages/member/edit/index' }) }}
    />
  )
}
