import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { fetchQualifiedList, fetchQualifiedPeriods } from '@/api/evaluation'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import './index.scss'

const percent = (x: number) => `${(x * 100).toFixed(1)}%`

/** 合格运营商名单, as the district publishes it each period, with why an operator is not on it; earlier lists stay. */
export default function QualifiedOperatorsPage() {
  const periods = useRemote(fetchQualifiedPeriods, 'periods')
  const [period, setPeriod] = useState<string | undefined>()
  const list = useRemote(() => fetchQualifiedList(period), `list|${period ?? ''}`)
  usePullToRefresh(() => Promise.all([periods.reload(), list.reload()]))
  return (
    <Page>
      {periods.data && periods.data.length > 1 && (
        <View className='card'>
          <OptionGroup
            label='公示期'
            options={periods.data.slice(0, 8).map((p) => ({ value: p, label: p }))}
            value={period ?? periods.data[0]}
            onChange={setPeriod}
          />
        </View>
      )}
      <RemoteContent remote={list}>
        {(data) => (
          <View>
            <View className='card'>
              <Text className='section-title'>{data.period} 合格运营商名单</Text>
              <Text className='muted qualified__line'>
                标准：本期至少 {data.criteria.minRatings} 条居民评价，满意率不低于 {percent(data.criteria.minSatisfaction)}，
                差评整改没有逾期。{data.computedAt.slice(0, 10)} 更新。
              </Text>
            </View>
            {data.operators.map((o) => (
              <View key={o.operatorId} className={`card qualified__operator${o.qualified ? ' qualified__operator--yes' : ''}`}>
                <Text className='qualified__name'>
                  {o.qualified ? '✓ 合格' : '未达标'} · {o.operatorName}
                </Text>
                <Text className='muted qualified__line'>
                  {o.ratings} 条评价{o.satisfactionRate !== null ? ` · 满意率 ${percent(o.satisfactionRate)}` : ''}
                  {o.overdueCases ? ` · 逾期整改 ${o.overdueCases} 件` : ''}
                </Text>
                {o.reasons.map((reason) => (
                  <Text key={reason} className='qualified__line'>
                    {reason}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        )}
      </RemoteContent>
    </Page>
  )
}
