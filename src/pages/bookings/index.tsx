import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BookingStatus } from '@shared/booking'
import type { Notice } from '@shared/notice'
import { useState } from 'react'
import { fetchBookings } from '@/api/bookings'
import { fetchNotices, markAllNoticesRead, markNoticeRead } from '@/api/notices'
import { confirmWaitlistOffer, fetchWaitlist, leaveWaitlist } from '@/api/waitlist'
import { cleanError } from '@/api/api-error'
import { BookingCard } from '@/components/BookingCard'
import { NoticeList } from '@/components/NoticeList'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { WaitlistList } from '@/components/WaitlistList'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { FailureNote } from '@/components/FailureNote'
import { navigateTo } from '@/lib/navigate'
import { bookingDetailUrl } from '@/lib/booking-pages'

type Filter = 'all' | BookingStatus
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'booked', label: '待使用' },
  { value: 'completed', label: '已完成' },
  { value: 'cancelled', label: '已取消' },
  { value: 'all', label: '全部' },
]

export default function BookingsPage() {
  const [filter, setFilter] = useState<Filter>('booked')
  const bookings = useRemote(() => fetchBookings(filter === 'all' ? undefined : filter), filter)
  const notices = useRemote(fetchNotices, 'notices')
  const waitlist = useRemote(fetchWaitlist, 'waitlist')
  const [busyEntry, setBusyEntry] = useState<string | null>(null)
  const reloadAll = () => Promise.all([bookings.reload(), notices.reload(), waitlist.reload()])
  useReloadOnReturn(reloadAll)
  usePullToRefresh(reloadAll)
  // 知道了 and 全部已读 say when they did not go through (the lift), with 重试.
  const [noticeFailure, setNoticeFailure] = useState<{ text: string; retry: () => void } | null>(null)
  const noticeAction = (action: () => Promise<void>) => async () => {
    setNoticeFailure(null)
    try {
      await action()
    } catch (err) {
      setNoticeFailure({ text: cleanError(err), retry: noticeAction(action) })
    }
    await notices.reload()
  }
  const read = (id: string) => noticeAction(() => markNoticeRead(id))()
  const readAll = noticeAction(markAllNoticesRead)
  const openNotice = (notice: Notice) => {
    if (!notice.read) void markNoticeRead(notice.id).catch(() => undefined)
    if (notice.bookingId) open(notice.bookingId)
  }

  const [entryFailure, setEntryFailure] = useState<string | null>(null)
  const [retryEntry, setRetryEntry] = useState<(() => void) | undefined>()
  const onEntry = (action: (id: string) => Promise<unknown>) => async (id: string) => {
    setBusyEntry(id)
    setEntryFailure(null)
    try {
      await action(id)
    } catch (err) {
      setEntryFailure(cleanError(err))
      setRetryEntry(() => () => void onEntry(action)(id))
    } finally {
      setBusyEntry(null)
      await reloadAll()
    }
  }

  const open = (id: string) => navigateTo({ url: bookingDetailUrl(id) })
  const findMeals = () => Taro.switchTab({ url: '/pages/facilities/index' })

  return (
    <Page title='我的预约'>
      {notices.data && (
        <NoticeList notices={notices.data.notices} unread={notices.data.unread} onRead={read} onReadAll={readAll} onOpen={openNotice} />
      )}
      <FailureNote text={noticeFailure?.text ?? null} onRetry={noticeFailure?.retry} textClass='bookings__error' className='card' />
      {waitlist.data && (
        <WaitlistList
          entries={waitlist.data}
          busyId={busyEntry}
          failure={entryFailure}
          onConfirm={onEntry(confirmWaitlistOffer)}
          onLeave={onEntry(leaveWaitlist)}
          onRetry={retryEntry}
        />
      )}
      <OptionGroup label='按状态查看' options={FILTERS} value={filter} onChange={setFilter} />
      <View className='bookings__list'>
        <RemoteContent
          remote={bookings}
          empty={(list) =>
            list.length === 0 ? (
              <StateView
                kind='empty'
                text={filter === 'booked' ? '没有待使用的预约' : '这里还没有预约'}
                hint='在「服务」里选择提供社区助餐的设施，就能为自己或家人订餐。'
                action={{ label: '去订餐', onTap: findMeals }}
              />
            ) : null
          }
        >
          {(list) => (
            <View aria-busy={bookings.loading}>
              {list.map((booking) => (
                <BookingCard key={booking.id} booking={booking} onOpen={open} />
              ))}
              <Text className='muted'>下拉可刷新</Text>
            </View>
          )}
        </RemoteContent>
      </View>
    </Page>
  )
}
