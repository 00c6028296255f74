import { Text, View } from '@tarojs/components'
import type { Booking } from '@shared/booking'
import type { Facility } from '@shared/facility'
import { fetchBookings } from '@/api/bookings'
import { withSession } from '@/api/session'
import { useRemote } from '@/hooks/use-remote'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { bookingDetailUrl, bookingPageUrl } from '@/lib/booking-pages'
import { bookingWhen } from '@/lib/booking-words'
import { navigateTo } from '@/lib/navigate'
import './index.scss'
import { Button } from '@/components/Button'
import { pressable } from '@/components/a11y'

interface QuickTasksProps {
  /** The directory as listed (nearest first once a position is known), to pick a kitchen or nursery when the
   * family has not used one yet. */
  facilities: Facility[] | undefined
  /** No facility known for it yet: show the list filtered to that service instead. */
  onChooseFacility: (fn: 'meal' | 'infant_care') => void
}

/** The tasks most residents come for, one tap each, above the directory: 订餐, 预约托育, and their next booking. */
export function QuickTasks({ facilities, onChooseFacility }: QuickTasksProps) {
  const bookings = useRemote(() => withSession(() => fetchBookings()), 'quick-tasks')
  useReloadOnReturn(bookings.reload)
  const mine = bookings.data ?? []
  const next = nextBooking(mine)

  const open = (fn: 'meal' | 'infant_care') => {
    const facilityId = usualFacility(mine, fn) ?? facilities?.find((f) => f.functions.includes(fn) && !f.isReserve)?.id
    if (!facilityId) return onChooseFacility(fn)
    return navigateTo({ url: bookingPageUrl(fn, facilityId) })
  }

  return (
    <View className='card quick-tasks'>
      <View className='quick-tasks__row'>
        <Button className='tap button button--primary quick-tasks__action' onClick={() => open('meal')}>
          订餐
        </Button>
        <Button className='tap button quick-tasks__action' onClick={() => open('infant_care')}>
          预约托育
        </Button>
      </View>
      {next ? (
        <View
          className='tap quick-tasks__next'
          {...pressable({ role: 'link', onPress: () => navigateTo({ url: bookingDetailUrl(next.id) }) })}
        >
          <Text className='quick-tasks__next-title'>我的下一个预约 ›</Text>
          <Text className='muted'>
            {next.service} · {next.facilityName.replace(/嵌入式服务设施$/, '')} · {bookingWhen(next)}
          </Text>
        </View>
      ) : (
        // The line is there from the start (its words change): the directory below does not jump when it loads.
        <Text className='muted quick-tasks__none'>{bookings.data ? '还没有待使用的预约' : bookings.error ? '暂时查不到您的预约' : '正在查看您的预约…'}</Text>
      )}
    </View>
  )
}

/** The soonest booking still to be used. */
export function nextBooking(bookings: Booking[]): Booking | undefined {
  return bookings
    .filter((b) => b.status === 'booked' || b.status === 'checked_in')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]
}

/** Where the family last booked this service: 张桂兰 orders from the same kitchen every day. */
function usualFacility(bookings: Booking[], fn: 'meal' | 'infant_care'): string | undefined {
  return bookings.filter((b) => b.function === fn).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.facilityId
}
