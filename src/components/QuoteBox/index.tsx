import { Text, View } from '@tarojs/components'
import type { Quote } from '@shared/booking'
import { formatFen } from '@/lib/money'
import './index.scss'

/** 原价 / 补贴 / 个人支付 as the server quoted them, and where it is paid (the counter, or on delivery). */
export function QuoteBox({ quote }: { quote: Quote }) {
  return (
    <View className='quote' aria-label='价格明细'>
      <View className='quote__row'>
        <Text>原价{quote.deliveryFeeFen > 0 ? `（含送餐费 ${formatFen(quote.deliveryFeeFen)}）` : ''}</Text>
        <Text>{formatFen(quote.originalFen)}</Text>
      </View>
      <View className='quote__row'>
        <Text>补贴{quote.tier ? `（${quote.tier}）` : ''}</Text>
        <Text>{quote.subsidyFen > 0 ? `− ${formatFen(quote.subsidyFen)}` : '0 元'}</Text>
      </View>
      <View className='quote__row quote__row--total'>
        <Text>个人支付（{quote.payAt === 'delivery' ? '送餐时付款' : quote.payAt === 'home' ? '上门服务时付款' : '到店付款'}）</Text>
        <Text className='quote__payable'>{formatFen(quote.payableFen)}</Text>
      </View>
      {quote.notes.map((note) => (
        <Text key={note} className='muted quote__note'>
          · {note}
        </Text>
      ))}
    </View>
  )
}
