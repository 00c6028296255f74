import { Text, View } from '@tarojs/components'
import type { Booking } from '@shared/booking'
import { FULFILMENT_NAMES, STATUS_NAMES, payWhere } from '@shared/booking-names'
import { pressable } from '@/components/a11y'
import { bookingWhen } from '@/lib/booking-words'
import { dayAndClock } from '@/lib/dates'
import { formatFen } from '@/lib/money'
import './index.scss'

/** One booking in the 预约 list: which service, when (every day of a run), for whom, its code and its state. */
export function BookingCard({ booking, onOpen }: { booking: Booking; onOpen: (id: string) => void }) {
  return (
    <View className='card booking-card' {...pressable({ role: 'link', onPress: () => onOpen(booking.id) })} data-booking={booking.id}>
      <View className='booking-card__head'>
        <Text className='booking-card__title'>{booking.service}</Text>
        <Text className={`booking-card__status booking-card__status--${booking.status}`}>
          {STATUS_NAMES[booking.status]}
        </Text>
      </View>
      <Text className='booking-card__line booking-card__when'>{bookingWhen(booking)}</Text>
      <Text className='booking-card__line'>{booking.facilityName}</Text>
      {booking.meal && (
        <Text className='booking-card__line'>
          {booking.meal.setName} × {booking.quantity} · {FULFILMENT_NAMES[booking.meal.fulfilment]}
        </Text>
      )}
      {booking.stay && booking.awaitingConfirmation && <Text className='booking-card__line'>床位已保留，待工作人员确认</Text>}
      {booking.care && (
        <Text className='booking-card__line'>
          {[...new Set(booking.care.days.map((d) => d.className))].join('、')}
        </Text>
      )}
      {booking.status === 'booked' && booking.offerExpiresAt && (
        <Text className='booking-card__line booking-card__offer'>候补名额待确认，保留到 {dayAndClock(booking.offerExpiresAt)}</Text>
      )}
      <Text className='muted booking-card__line'>
        为 {booking.beneficiaryName} 预约 · {payWhere(booking.quote)} {formatFen(booking.quote.payableFen)}
      </Text>
      {booking.status === 'booked' && (
        <Text className='booking-card__code'>核销码 {spacedCode(booking.code)}</Text>
      )}
    </View>
  )
}

/** "20568160" → "2056 8160": read aloud in two halves. */
export const spacedCode = (code: string): string => `${code.slice(0, 4)} ${code.slice(4)}`
