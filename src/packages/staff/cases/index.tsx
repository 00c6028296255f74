import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { RECTIFICATION_STATUS_NAMES, type RectificationCase } from '@shared/rating'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { answerCase, fetchCases } from '@/api/ratings'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { Button } from '@/components/Button'
import { fieldLabel, roleProps } from '@/components/a11y'
import { scoreLine } from '@/lib/rating-words'
import './index.scss'

/** 差评整改 for the operator: every 差评 with its deadline; call the resident back, put it right, and answer. */
export default function CasesPage() {
  const facilityId = useRouter().params.facilityId ?? ''
  const cases = useRemote(() => fetchCases(facilityId), facilityId)
  usePullToRefresh(cases.reload)
  return (
    <Page title='差评整改'>
      <RemoteContent
        remote={cases}
        empty={(list) => (list.length === 0 ? <StateView kind='empty' text='没有差评需要整改' hint='居民的“不满意”和“非常不满意”评价会出现在这里。' /> : null)}
      >
        {(list) => (
          <View>
            <Text className='muted cases__privacy'>
              为保护评价的居民，这里不显示评价居民的姓名和核销码。请核实情况、整改后在下面答复：答复会发给这位居民，由居民确认是否认可整改。
            </Text>
            {list.map((c) => (
              <CaseCard key={c.id} item={c} facilityId={facilityId} onAnswered={cases.reload} />
            ))}
          </View>
        )}
      </RemoteContent>
    </Page>
  )
}

function CaseCard({ item, facilityId, onAnswered }: { item: RectificationCase; facilityId: string; onAnswered: () => Promise<void> }) {
  const [callbackNote, setCallbackNote] = useState('')
  const [rectification, setRectification] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const send = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await answerCase(facilityId, item.id, { callbackNote, rectification })
      await onAnswered()
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className={`card cases__item${item.overdue ? ' cases__item--overdue' : ''}`} data-case={item.id}>
      <Text className='cases__title'>
        {item.levelName} · {item.serviceDate} · {item.service}
      </Text>
      <Text className='muted cases__line'>{scoreLine(item.scores, '')}</Text>
      {item.comment && <Text className='cases__line'>居民说：“{item.comment}”</Text>}
      <Text className='cases__line cases__status'>
        {RECTIFICATION_STATUS_NAMES[item.status]} · {item.overdue ? `已逾期（应于 ${item.dueDate} 前答复）` : `${item.dueDate} 前答复`}
      </Text>
      {item.status === 'open' ? (
        <View>
          <Text className='cases__label'>核实情况（回访或调查的结果）</Text>
          <Textarea className='cases__text' value={callbackNote} maxlength={300} {...fieldLabel('核实情况')} onInput={(e) => setCallbackNote(e.detail.value)} />
          <Text className='cases__label'>整改措施</Text>
          <Textarea className='cases__text' value={rectification} maxlength={500} {...fieldLabel('整改措施')} onInput={(e) => setRectification(e.detail.value)} />
          {failure && (
            <View {...roleProps('alert')}>
              <Text className='cases__error'>{failure}</Text>
            </View>
          )}
          <Button className='tap button button--primary' loading={busy} disabled={busy} onClick={send}>
            提交回复
          </Button>
        </View>
      ) : (
        <>
          {item.callbackNote && <Text className='cases__line'>核实：{item.callbackNote}</Text>}
          {item.answer && <Text className='cases__line'>整改：{item.answer}</Text>}
        </>
      )}
    </View>
  )
}
