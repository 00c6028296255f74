import { Text, View } from '@tarojs/components'
import { collectorsLine } from '@/lib/booking-words'
import Taro, { useRouter } from '@tarojs/taro'
import { type Booking, FULFILMENT_NAMES, STATUS_NAMES } from '@shared/booking'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { cancelBooking, cancelBookingDay, fetchBooking } from '@/api/booking'
import { spacedCode } from '@/components/BookingCard'
import { Page } from '@/components/Page'
import { QrCode } from '@/components/QrCode'
import { QuoteBox } from '@/components/QuoteBox'
import { RemoteContent } from '@/components/RemoteContent'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { bookingWhen, whenToShowCode } from '@/lib/booking-words'
import { calendarDay, dayAndClock } from '@/lib/dates'
import { RatingCard } from '../components/RatingCard'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { FailureNote } from '@/components/FailureNote'
import './index.scss'

export default function BookingDetailPage() {
  const { id = '', placed, rated } = useRouter().params
  const booking = useRemote(() => fetchBooking(id), id)
  // A cancel answers with the booking as it is now; show that until the next reload.
  const [current, setCurrent] = useState<Booking | null>(null)
  usePullToRefresh(() => {
    setCurrent(null)
    return booking.reload()
  })

  return (
    <Page title='预约详情'>
      <RemoteContent remote={booking}>
        {(data) => (
          <BookingDetail booking={current ?? data} justPlaced={placed === '1'} justRated={rated === '1'} onChanged={setCurrent} />
        )}
      </RemoteContent>
    </Page>
  )
}

interface BookingDetailProps {
  booking: Booking
  justPlaced: boolean
  justRated: boolean
  onChanged: (booking: Booking) => void
}

function BookingDetail({ booking, justPlaced, justRated, onChanged }: BookingDetailProps) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(
    justPlaced ? `预约成功！请在${whenToShowCode(booking)}向工作人员出示下面的核销码。` : justRated ? '谢谢您的评价！' : null,
  )

  const cancel = async () => {
    setBusy(true)
    setFailure(null)
    try {
      onChanged(await cancelBooking(booking.id))
      setNotice('已取消预约，名额已退回。')
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  const when = bookingWhen(booking)
  // Each day of a run on its own line (with the class of that day for 托育); a stay is counted in nights.
  const dayLines =
    booking.care?.days.map((d) => `${calendarDay(d.date)} · ${d.className}`) ??
    (booking.days.length > 1 && booking.part !== 'night' ? booking.days.map(calendarDay) : [])
  return (
    <View className='booking-detail'>
      {notice && (
        <View className='card booking-detail__notice' {...roleProps('status')}>
          <Text>{notice}</Text>
        </View>
      )}

      {booking.status === 'booked' && booking.offerExpiresAt && (
        <View className='card booking-detail__notice' {...roleProps('status')}>
          <Text>
            候补名额为您保留到 {dayAndClock(booking.offerExpiresAt)}：请在「预约」页的候补里确认，逾期名额会让给下一位。
          </Text>
        </View>
      )}

      <View className='card booking-detail__code-card'>
        <Text className='booking-detail__status'>{STATUS_NAMES[booking.status]}</Text>
        {booking.status === 'booked' ? (
          <>
            <QrCode value={booking.code} label={`核销码 ${booking.code}`} />
            <Text className='booking-detail__code' data-code={booking.code}>
              {spacedCode(booking.code)}
            </Text>
            <Text className='muted'>核销码：出示二维码，或念给工作人员听</Text>
          </>
        ) : (
          <Text className='muted'>核销码 {spacedCode(booking.code)}（{STATUS_NAMES[booking.status]}）</Text>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>{booking.service}</Text>
        <Text className='booking-detail__line'>{when}</Text>
        {dayLines.map((line) => (
          <Text key={line} className='muted booking-detail__line'>
            {line}
          </Text>
        ))}
        <Text className='booking-detail__line'>{booking.facilityName}</Text>
        {booking.meal && (
          <>
            <Text className='booking-detail__line'>
              {booking.meal.setName} × {booking.quantity}
            </Text>
            <Text className='muted booking-detail__line'>{booking.meal.dishes.join('、')}</Text>
            <Text className='booking-detail__line'>
              {FULFILMENT_NAMES[booking.meal.fulfilment]}
              {booking.meal.deliveryAddress ? `：${booking.meal.deliveryAddress}` : ''}
            </Text>
          </>
        )}
        {booking.stay && booking.awaitingConfirmation && (
          <Text className='booking-detail__line'>床位已保留，待工作人员评估老人情况后确认</Text>
        )}
        {booking.collectors && <Text className='booking-detail__line'>接送人：{collectorsLine(booking.collectors)}</Text>}
        <Text className='booking-detail__line'>为 {booking.beneficiaryName} 预约</Text>
      </View>

      <View className='card'>
        <QuoteBox quote={booking.quote} />
      </View>

      {booking.status === 'booked' && booking.cancellableDays.length > 0 && (
        <CancelOneDay booking={booking} onChanged={onChanged} onNotice={setNotice} />
      )}

      {booking.status === 'booked' && (
        <View className='card booking-detail__cancel'>
          {booking.cancellable ? (
            confirming ? (
              <>
                <Text>
                  确定取消{booking.service}（{when}）的预约吗？取消后名额会留给其他居民。
                </Text>
                <View className='booking-detail__actions'>
                  <Button className='tap button button--primary' loading={busy} disabled={busy} onClick={cancel}>
                    确定取消
                  </Button>
                  <Button className='tap button' disabled={busy} onClick={() => setConfirming(false)}>
                    不取消
                  </Button>
                </View>
              </>
            ) : (
              <>
                <Button className='tap button' onClick={() => setConfirming(true)}>
                  取消预约
                </Button>
                <Text className='muted'>{dayAndClock(booking.cancelUntil)} 前可以取消</Text>
              </>
            )
          ) : (
            <Text>已过取消截止时间（{dayAndClock(booking.cancelUntil)}），如不能前往请致电设施说明。</Text>
          )}
          <FailureNote text={failure} onRetry={cancel} textClass='booking-detail__error' />
        </View>
      )}

      <RatingCard booking={booking} />

      <Button className='tap button booking-detail__all' onClick={() => Taro.switchTab({ url: '/pages/bookings/index' })}>
        查看我的全部预约
      </Button>

      <View className='card'>
        <Text className='section-title'>记录</Text>
        {booking.history.map((h) => (
          <Text key={`${h.status}-${h.at}`} className='muted booking-detail__line'>
            {dayAndClock(h.at)} {STATUS_NAMES[h.status]}
            {h.reason ? `（${h.reason}）` : ''}
          </Text>
        ))}
      </View>
    </View>
  )
}

/** 取消其中一天: a day of a run the child (or elder) will not come, each before its own deadline; asked once more. */
function CancelOneDay({ booking, onChanged, onNotice }: { booking: Booking; onChanged: (b: Booking) => void; onNotice: (text: string) => void }) {
  const [day, setDay] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const confirm = async (date: string) => {
    setBusy(true)
    setFailure(null)
    try {
      onChanged(await cancelBookingDay(booking.id, date))
      onNotice(`已取消${calendarDay(date)}，其余日期照常，名额已退回。`)
      setDay(null)
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card booking-detail__cancel'>
      <Text className='section-title'>只取消其中一天</Text>
      {day ? (
        <>
          <Text>确定取消{calendarDay(day)}吗？其余日期照常，这一天的名额会留给其他人。</Text>
          <View className='booking-detail__actions'>
            <Button className='tap button button--primary' loading={busy} disabled={busy} onClick={() => confirm(day)}>
              确定取消{calendarDay(day)}
            </Button>
            <Button className='tap button' disabled={busy} onClick={() => setDay(null)}>
              不取消
            </Button>
          </View>
        </>
      ) : (
        <View className='booking-detail__days'>
          {booking.cancellableDays.map((d) => (
            <Button key={d} className='tap button' onClick={() => setDay(d)}>
              取消 {calendarDay(d)}
            </Button>
          ))}
        </View>
      )}
      {failure && (
        <View role='alert'>
          <Text className='booking-detail__error'>{failure}</Text>
        </View>
      )}
    </View>
  )
}
