import { Text, Textarea, View } from '@tarojs/components'
import { FEEDBACK_CATEGORY_NAMES, FEEDBACK_STATUS_NAMES_FOR_STAFF, type Feedback } from '@shared/feedback'
import { useState } from 'react'
import { answerFeedback, fetchGovernedFeedback } from '@/api/feedback'
import { Button } from '@/components/Button'
import { RemoteContent } from '@/components/RemoteContent'
import { fieldLabel, roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { dayAndClock, dayName } from '@/lib/dates'
import { StatusMessage } from './StatusMessage'
import { useSubmit } from '@/hooks/use-submit'

const SHOWN = 30

/** 居民意见: what residents wrote about the clerk's facilities, open first by deadline, answered here once. */
export function FeedbackCard() {
  const items = useRemote(fetchGovernedFeedback, 'admin-feedback')
  return (
    <View className='card' {...roleProps('region')} aria-label='居民意见'>
      <Text className='section-title'>居民意见与价格投诉</Text>
      <RemoteContent remote={items} empty={(list) => (list.length === 0 ? <Text className='muted admin__line'>还没有居民意见</Text> : null)}>
        {(list) => (
          <View>
            {list.slice(0, SHOWN).map((f) => (
              <FeedbackLine key={f.id} item={f} onAnswered={items.reload} />
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  )
}

function FeedbackLine({ item, onAnswered }: { item: Feedback; onAnswered: () => Promise<unknown> }) {
  const [answer, setAnswer] = useState('')
  const { busy, message, run } = useSubmit(onAnswered)
  return (
    <View className={`admin__feedback${item.overdue ? ' admin__feedback--overdue' : ''}`}>
      <Text className='admin__line'>
        {FEEDBACK_CATEGORY_NAMES[item.category]} · {item.facilityName.replace(/嵌入式服务设施$/, '')} · {dayAndClock(item.createdAt)} · {FEEDBACK_STATUS_NAMES_FOR_STAFF[item.status]}
        {item.status === 'open' ? `（${item.overdue ? '已逾期，' : ''}应于 ${dayName(item.dueDate)} 前答复）` : ''}
      </Text>
      <Text className='admin__line'>{item.text}</Text>
      {item.answer && <Text className='admin__line muted'>答复：{item.answer}</Text>}
      {item.status === 'open' && (
        <>
          <Textarea className='admin__answer' value={answer} maxlength={500} {...fieldLabel('答复内容')} onInput={(e) => setAnswer(e.detail.value)} />
          <Button className='tap button' disabled={busy} onClick={() => run(() => answerFeedback(item.id, answer), '已答复，居民会收到消息')}>
            答复
          </Button>
        </>
      )}
      <StatusMessage message={message} />
    </View>
  )
}
