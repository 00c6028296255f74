import { Button, Text, View } from '@tarojs/components'
import type { QuoteState } from '@/hooks/use-quote'
import { QuoteBox } from '@/components/QuoteBox'
import { formatFen } from '@/lib/money'
import './care.scss'

interface BookingSummaryProps {
  quote: QuoteState
  /** What to say while there is neither a price nor a refusal to show (a field still to fill …). */
  waiting: string
  /** A refusal the page answers itself (the agreement block), not shown as an error. */
  handled?: boolean
  failure: string | null
  ready: boolean
  busy: boolean
  onConfirm: () => void
}

/** The price the server quoted (or why it will not), the failure of the last tap, and the confirm button. */
export function BookingSummary({ quote, waiting, handled, failure, ready, busy, onConfirm }: BookingSummaryProps) {
  return (
    <View className='card care__summary' aria-live='polite'>
      {quote.quote ? (
        <QuoteBox quote={quote.quote} />
      ) : quote.error && !handled ? (
        <View role='alert'>
          <Text className='care__error'>{quote.error}</Text>
        </View>
      ) : (
        <Text className='muted'>{waiting}</Text>
      )}
      {failure && (
        <View role='alert'>
          <Text className='care__error'>{failure}</Text>
        </View>
      )}
      <Button
        className='tap button button--primary care__submit'
        disabled={!ready || !quote.quote || quote.loading || busy}
        loading={busy}
        onClick={onConfirm}
      >
        {quote.quote ? `确认预约 · ${formatFen(quote.quote.payableFen)}` : '确认预约'}
      </Button>
    </View>
  )
}
