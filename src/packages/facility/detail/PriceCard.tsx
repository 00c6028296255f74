import { Text, View } from '@tarojs/components'
import { FUNCTIONS } from '@shared/function-list'
import { formatFen } from '@shared/money'
import type { PriceChange, PriceItem } from '@shared/prices'
import { useState } from 'react'
import { fetchFacilityPrices } from '@/api/facility-detail'
import { Button } from '@/components/Button'
import { RemoteContent } from '@/components/RemoteContent'
import { roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { dayName } from '@/lib/dates'
import { navigateTo } from '@/lib/navigate'

const functionName = (code: string) => FUNCTIONS.find((f) => f.code === code)?.name ?? code
const perUnit = (fen: number, unit: string) => `${formatFen(fen)}${unit.replace(/^元/, '')}`

/**
 * 价格公示: what the facility charges for each service, from the same figures bookings are priced from, since when,
 * and every change before (the plan asks for government-set and 普惠 prices to be public and supervised).
 */
export function PriceCard({ facilityId, only }: { facilityId: string; only?: string }) {
  // A function's own page shows that function's prices only.
  const prices = useRemote(async () => {
    const all = await fetchFacilityPrices(facilityId)
    return only ? { items: all.items.filter((i) => i.functionCode === only), changes: all.changes.filter((c) => c.functionCode === only) } : all
  }, `${facilityId}|${only ?? ''}`)
  const [history, setHistory] = useState(false)
  return (
    <View className='card' {...roleProps('region')} aria-label='价格公示'>
      <Text className='section-title'>价格公示</Text>
      <RemoteContent remote={prices} loadingText='正在读取价格…' empty={(p) =>
          p.items.length === 0 ? (
            <Text className='muted detail__line'>{only ? `${functionName(only)}没有固定的收费项目，费用以每项服务或活动标示的为准` : '这里暂时没有收费的服务'}</Text>
          ) : null
        }>
        {({ items, changes }) => (
          <View>
            {groupByFunction(items).map(([code, list]) => {
              // One date for the whole function is said once, under its name.
              const dates = new Set(list.map((i) => i.effectiveFrom))
              const shared = dates.size === 1 ? list[0].effectiveFrom : null
              return (
                <View key={code} className='prices__group'>
                  <Text className='prices__function'>{functionName(code)}</Text>
                  {shared && <Text className='muted prices__since'>{dayName(shared)}起执行</Text>}
                  {list.map((item) => (
                    <View key={item.item} className='prices__row'>
                      <Text className='prices__label'>{item.label}</Text>
                      <Text className='prices__price'>{perUnit(item.priceFen, item.unit)}</Text>
                      {!shared && item.effectiveFrom && <Text className='muted prices__since'>{dayName(item.effectiveFrom)}起执行</Text>}
                    </View>
                  ))}
                </View>
              )
            })}
            {items.some((i) => i.functionCode === 'meal') && (
              <Text className='muted detail__line'>助餐为补贴前价格：符合条件的老人下单时按补贴档次自动减免。</Text>
            )}
            {changes.length > 0 && (
              <Button className='tap button detail__book' onClick={() => setHistory(!history)}>
                {history ? '收起调价记录' : `调价记录（${changes.length} 条）`}
              </Button>
            )}
            {history && changes.map((c, i) => <ChangeLine key={`${c.at}-${c.label}-${i}`} change={c} />)}
            <Button
              className='tap button detail__book'
              onClick={() => navigateTo({ url: `/packages/facility/feedback/index?facilityId=${encodeURIComponent(facilityId)}&category=price` })}
            >
              对价格有疑问？价格投诉
            </Button>
          </View>
        )}
      </RemoteContent>
    </View>
  )
}

function ChangeLine({ change }: { change: PriceChange }) {
  const what =
    change.priceFen === null
      ? `停止提供（原 ${perUnit(change.previousFen ?? 0, change.unit)}）`
      : change.previousFen === null
        ? `新增 ${perUnit(change.priceFen, change.unit)}`
        : `${perUnit(change.previousFen, change.unit)} → ${perUnit(change.priceFen, change.unit)}`
  return (
    <Text className='detail__line prices__change'>
      {dayName(change.effectiveFrom)}起 · {change.label}：{what}
    </Text>
  )
}

function groupByFunction(items: PriceItem[]): [string, PriceItem[]][] {
  const groups = new Map<string, PriceItem[]>()
  for (const item of items) groups.set(item.functionCode, [...(groups.get(item.functionCode) ?? []), item])
  return [...groups]
}
