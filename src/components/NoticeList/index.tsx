import { Text, View } from '@tarojs/components'
import type { Notice } from '@shared/notice'
import { dayAndClock } from '@/lib/dates'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import './index.scss'

interface NoticeListProps {
  notices: Notice[]
  onRead: (id: string) => void
}

/** Unread messages (confirmations, reminders, cancellations by the facility), each until the resident says 知道了. */
export function NoticeList({ notices, onRead }: NoticeListProps) {
  const unread = notices.filter((n) => !n.read)
  if (unread.length === 0) return null
  return (
    <View className='card notices' {...roleProps('region')} aria-label='消息'>
      <Text className='section-title'>消息（{unread.length} 条未读）</Text>
      {unread.slice(0, 5).map((notice) => (
        <View key={notice.id} className={`notices__item notices__item--${notice.kind}`}>
          <Text className='notices__title'>
            {notice.title} · {dayAndClock(notice.at)}
          </Text>
          <Text>{notice.body}</Text>
          <Button className='tap button notices__read' onClick={() => onRead(notice.id)}>
            知道了
          </Button>
        </View>
      ))}
    </View>
  )
}
