import { Text, View } from '@tarojs/components'
import type { Notice } from '@shared/notice'
import { useState } from 'react'
import { dayAndClock } from '@/lib/dates'
import { Button } from '@/components/Button'
import { pressable, roleProps } from '@/components/a11y'
import './index.scss'

interface NoticeListProps {
  notices: Notice[]
  unread: number
  onRead: (id: string) => void
  onReadAll: () => void
  /** A message about a booking opens it (and counts as read). */
  onOpen: (notice: Notice) => void
}

const FIRST = 5

/**
 * The messages (confirmations, reminders, cancellations by the facility, offers …): all of them, newest first, the
 * unread ones marked and said; a message about a booking opens it; 知道了 one by one, or 全部已读.
 */
export function NoticeList({ notices, unread, onRead, onReadAll, onOpen }: NoticeListProps) {
  const [all, setAll] = useState(false)
  if (notices.length === 0) return null
  const shown = all ? notices : notices.slice(0, FIRST)
  return (
    <View className='card notices' {...roleProps('region', '消息')}>
      <View className='notices__head'>
        <Text className='section-title'>{unread > 0 ? `消息（${unread} 条未读）` : '消息'}</Text>
        {unread > 1 && (
          <Button className='tap button notices__read-all' onClick={onReadAll}>
            全部已读
          </Button>
        )}
      </View>
      {shown.map((notice) => (
        <View key={notice.id} className={`notices__item notices__item--${notice.kind}${notice.read ? ' notices__item--read' : ''}`}>
          <View
            className='notices__text'
            {...(notice.bookingId ? pressable({ role: 'link', onPress: () => onOpen(notice) }) : {})}
          >
            <Text className='notices__title'>
              {notice.read ? '' : '【未读】'}
              {notice.title} · {dayAndClock(notice.at)}
            </Text>
            <Text>{notice.body}</Text>
            {notice.bookingId && <Text className='notices__more'>查看预约 ›</Text>}
          </View>
          {!notice.read && (
            <Button className='tap button notices__read' onClick={() => onRead(notice.id)}>
              知道了
            </Button>
          )}
        </View>
      ))}
      {notices.length > FIRST && (
        <Button className='tap button notices__all' onClick={() => setAll(!all)}>
          {all ? '收起' : `查看全部 ${notices.length} 条消息`}
        </Button>
      )}
    </View>
  )
}
