import { Text, View } from '@tarojs/components'
import type { QuoteState } from '@/hooks/use-quote'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'

/** Why there is no price: the server's refusal, or — when the server could not be reached — that, with 重试. */
export function QuoteFailure({ quote, textClass }: { quote: QuoteState; textClass: string }) {
  return (
    <View {...roleProps('alert')}>
      <Text className={textClass}>{quote.error}</Text>
      {quote.errorCode === 'network' && (
        <Button className='tap button' onClick={quote.retry}>
          重试
        </Button>
      )}
    </View>
  )
}
