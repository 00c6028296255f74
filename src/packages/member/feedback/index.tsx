import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FEEDBACK_CATEGORY_NAMES, FEEDBACK_STATUS_NAMES, type Feedback } from '@shared/feedback'
import { shortFacilityName } from '@shared/facility'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchMyFeedback, judgeFeedback } from '@/api/feedback'
import { Button } from '@/components/Button'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { StatusLine } from '@/components/StatusLine'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { dayAndClock, dayName } from '@/lib/dates'
import './index.scss'

/** 我的意见: what the resident wrote to the street office, its answers, and whether the resident accepts them. */
export default function MyFeedbackPage() {
  const items = useRemote(fetchMyFeedback, 'my-feedback')
  usePullToRefresh(items.reload)
  return (
    <Page title='我的意见'>
      <RemoteContent
        remote={items}
        empty={(list) => (list.length === 0 ? <StateView kind='empty' text='还没有提交过意见。在设施页面点「意见建议 · 价格投诉」即可写给街道。' /> : null)}
      >
        {(list) => (
          <View>
            {list.map((f) => (
              <FeedbackItem key={f.id} item={f} onJudged={items.reload} />
            ))}
          </View>
        )}
      </RemoteContent>
      <Button className='tap button my-feedback__action' onClick={() => Taro.switchTab({ url: '/pages/facilities/index' })}>
        找设施提意见
      </Button>
    </Page>
  )
}

function FeedbackItem({ item, onJudged }: { item: Feedback; onJudged: () => Promise<unknown> }) {
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const judge = async (accept: boolean) => {
    setBusy(true)
    setFailure(null)
    try {
      await judgeFeedback(item.id, accept)
      await onJudged()
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card'>
      <Text className='section-title'>
        {FEEDBACK_CATEGORY_NAMES[item.category]} · {shortFacilityName(item.facilityName)}
      </Text>
      <Text className='muted my-feedback__line'>
        {dayAndClock(item.createdAt)} 提交 · {FEEDBACK_STATUS_NAMES[item.status]}
        {item.status === 'open' ? `（街道应于 ${dayName(item.dueDate)} 前答复${item.overdue ? '，已逾期' : ''}）` : ''}
      </Text>
      <Text className='my-feedback__line'>{item.text}</Text>
      {item.answer && (
        <Text className='my-feedback__line my-feedback__answer'>
          街道答复{item.answeredAt ? `（${dayAndClock(item.answeredAt)}）` : ''}：{item.answer}
        </Text>
      )}
      {item.status === 'answered' && (
        <View className='my-feedback__verdict'>
          <Button className='tap button button--primary' disabled={busy} onClick={() => judge(true)}>
            认可答复
          </Button>
          <Button className='tap button' disabled={busy} onClick={() => judge(false)}>
            不认可
          </Button>
        </View>
      )}
      <StatusLine text={failure} />
    </View>
  )
}
