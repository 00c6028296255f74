import { Text, View } from '@tarojs/components'
import type { Booking } from '@shared/booking'
import { LEVEL_NAMES, RECTIFICATION_STATUS_FOR_RESIDENT } from '@shared/rating'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchRating, sendVerdict } from '@/api/ratings'
import { useRemote } from '@/hooks/use-remote'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { FailureNote } from '@/components/FailureNote'
import { scoreLine } from '@/lib/rating-words'
import { navigateTo } from '@/lib/navigate'

/**
 * 评价 on a completed booking: the way to rate it, or the rating given; for a 差评, the facility's call-back and
 * rectification when it comes, and whether the resident accepts it.
 */
export function RatingCard({ booking }: { booking: Booking }) {
  if (booking.status !== 'completed') return null
  if (booking.ratingLevel === null) {
    const rate = () => navigateTo({ url: `/packages/booking/rate/index?id=${encodeURIComponent(booking.id)}` })
    return (
      <View className='card'>
        <Text className='section-title'>评价这次服务</Text>
        <Text className='muted booking-detail__line'>您的评价帮助区里评估设施、公示合格运营商。评价自愿。</Text>
        <Button className='tap button button--primary' onClick={rate}>
          去评价
        </Button>
      </View>
    )
  }
  return <GivenRating bookingId={booking.id} />
}

function GivenRating({ bookingId }: { bookingId: string }) {
  const rating = useRemote(() => fetchRating(bookingId), `rating|${bookingId}`)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const verdict = async (accept: boolean) => {
    setBusy(true)
    setFailure(null)
    try {
      await sendVerdict(bookingId, accept)
      await rating.reload()
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  const r = rating.data
  if (!r) return null
  return (
    <View className='card' {...roleProps('region')} aria-label='我的评价'>
      <Text className='section-title'>我的评价：{LEVEL_NAMES[r.level]}</Text>
      <Text className='muted booking-detail__line'>
        {scoreLine(r.scores, ' 分')}
      </Text>
      {/* Shown as text, never as markup: a comment is plain text whatever it contains. */}
      {r.comment && <Text className='booking-detail__line'>“{r.comment}”</Text>}
      {r.rectification && (
        <View className='booking-detail__rectification'>
          <Text className='booking-detail__line'>
            整改：{RECTIFICATION_STATUS_FOR_RESIDENT[r.rectification.status]}（{r.rectification.dueDate} 前答复）
          </Text>
          {r.rectification.answer && <Text className='booking-detail__line'>设施回复：{r.rectification.answer}</Text>}
          {r.rectification.status === 'answered' && (
            <View className='booking-detail__actions'>
              <Button className='tap button button--primary' disabled={busy} onClick={() => verdict(true)}>
                认可整改
              </Button>
              <Button className='tap button' disabled={busy} onClick={() => verdict(false)}>
                不认可
              </Button>
            </View>
          )}
        </View>
      )}
      <FailureNote text={failure} textClass='booking-detail__error' />
    </View>
  )
}
