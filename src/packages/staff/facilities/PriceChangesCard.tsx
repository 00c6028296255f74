import { Text, View } from '@tarojs/components'
import { formatFen } from '@shared/money'
import { fetchPriceChanges } from '@/api/prices'
import { RemoteContent } from '@/components/RemoteContent'
import { roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { dayAndClock, dayName } from '@/lib/dates'

const SHOWN = 30

/** 价格变动: every price change at the clerk's facilities, newest first — what the plan asks the street to supervise. */
export function PriceChangesCard() {
  const changes = useRemote(fetchPriceChanges, 'admin-price-changes')
  return (
    <View className='card' {...roleProps('region')} aria-label='价格变动'>
      <Text className='section-title'>价格变动</Text>
      <RemoteContent remote={changes} empty={(list) => (list.length === 0 ? <Text className='muted admin__line'>还没有价格变动</Text> : null)}>
        {(list) => (
          <View>
            {list.slice(0, SHOWN).map((c, i) => (
              <Text key={`${c.at}-${c.facilityId}-${c.label}-${i}`} className='admin__line'>
                {dayAndClock(c.at)} · {c.facilityName.replace(/嵌入式服务设施$/, '')} · {c.label}：
                {c.priceFen === null
                  ? `停止提供（原 ${formatFen(c.previousFen ?? 0)}）`
                  : c.previousFen === null
                    ? `新增 ${formatFen(c.priceFen)}`
                    : `${formatFen(c.previousFen)} → ${formatFen(c.priceFen)}`}
                ，{dayName(c.effectiveFrom)}起{c.byOperator ? '（运营方修改）' : '（初始公示）'}
              </Text>
            ))}
            {list.length > SHOWN && <Text className='muted'>只显示最近 {SHOWN} 条，共 {list.length} 条</Text>}
          </View>
        )}
      </RemoteContent>
    </View>
  )
}
