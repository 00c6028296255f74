import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { WAITLIST_HOLD_MINUTES } from '@shared/waitlist-names'
import type { JoinWaitlist } from '@/hooks/use-join-waitlist'
import type { QuoteState } from '@/hooks/use-quote'
import type { ConfirmBooking } from './use-confirm-booking'
import { HeldBookingLink } from '@/components/HeldBookingLink'
import { QuoteBox } from '@/components/QuoteBox'
import { QuoteFailure } from '@/components/QuoteFailure'
import { formatFen } from '@/lib/money'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { FailureNote } from '@/components/FailureNote'
import './care.scss'

interface BookingSummaryProps {
  /** The page's price, confirm tap and waitlist tap (`useConfirmBooking`). */
  booking: ConfirmBooking
  /** What to say while there is neither a price nor a refusal to show (a field still to fill …). */
  waiting: string
  /** A refusal the page answers itself (the agreement block), not shown as an error. */
  handled?: boolean
  ready: boolean
  /** The confirm button's words: 确认预约, or 确认报名 for an activity. */
  action?: string
}

/** The price the server quoted (or why it will not), the failure of the last tap, and the confirm button. */
export function BookingSummary({ booking, waiting, handled, ready, action = '确认预约' }: BookingSummaryProps) {
  const { quote, placing, confirm, waitlist, joinWaitlist } = booking
  const { failure, busy, held } = placing
  if (quote.errorCode === 'full' || waitlist.entry) return <WaitlistOffer quote={quote} waitlist={waitlist} onJoin={joinWaitlist} />
  return (
    <View className='card care__summary' aria-live='polite'>
      {quote.quote ? (
        <QuoteBox quote={quote.quote} />
      ) : quote.error && !handled ? (
        <QuoteFailure quote={quote} textClass='care__error' />
      ) : (
        <Text className='muted'>{waiting}</Text>
      )}
      <FailureNote text={failure} onRetry={confirm} textClass='care__error' />
      <HeldBookingLink bookingId={held ?? quote.heldBookingId} />
      <Button
        className='tap button button--primary care__submit'
        disabled={!ready || !quote.quote || quote.loading || busy}
        loading={busy}
        onClick={confirm}
      >
        {quote.quote ? `${action} · ${formatFen(quote.quote.payableFen)}` : action}
      </Button>
    </View>
  )
}

/** Full: the resident can stand in line; when a place frees up it is held for them for two hours. */
function WaitlistOffer({ quote, waitlist, onJoin }: { quote: QuoteState; waitlist: JoinWaitlist; onJoin: () => void }) {
  const openQueue = () => !waitlist.settling && Taro.switchTab({ url: '/pages/bookings/index' })
  if (waitlist.entry) {
    return (
      <View className='card care__summary' aria-live='polite'>
        <Text className='care__joined'>已加入候补，排第 {waitlist.entry.position} 位</Text>
        <Text className='muted'>有人取消时，名额会按排队顺序为您保留 {WAITLIST_HOLD_MINUTES / 60} 小时，我们会发消息提醒您确认。</Text>
        <Button className='tap button care__submit' disabled={waitlist.settling} onClick={openQueue}>
          查看候补
        </Button>
      </View>
    )
  }
  return (
    <View className='card care__summary' aria-live='polite'>
      <View {...roleProps('alert')}>
        <Text className='care__error'>{quote.error}</Text>
      </View>
      <Text className='muted'>可以加入候补：有人取消时，名额按排队顺序为您保留 {WAITLIST_HOLD_MINUTES / 60} 小时，确认后即预约成功。</Text>
      <FailureNote text={waitlist.failure} onRetry={onJoin} textClass='care__error' />
      <Button className='tap button button--primary care__submit' loading={waitlist.busy} disabled={waitlist.busy} onClick={onJoin}>
        加入候补
      </Button>
    </View>
  )
}
