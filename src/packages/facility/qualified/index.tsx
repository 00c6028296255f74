import { Text, View } from '@tarojs/components'
import { periodName } from '@shared/evaluation'
import { useState } from 'react'
import { fetchQualifiedList, fetchQualifiedPeriods } from '@/api/evaluation'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { QualifiedOperatorList } from '@/components/QualifiedOperatorList'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'

/** 合格运营商名单, as the district publishes it each period, with why an operator is not on it; earlier lists stay. */
export default function QualifiedOperatorsPage() {
  const [period, setPeriod] = useState<string | undefined>()
  // The periods first: with none published there is no list to ask for, and the page says so instead of an error.
  const board = useRemote(async () => {
    const periods = await fetchQualifiedPeriods()
    const shown = period ?? periods[0]
    return { periods, list: shown ? await fetchQualifiedList(shown) : null }
  }, `board|${period ?? ''}`)
  usePullToRefresh(board.reload)
  return (
    <Page title='合格运营商名单'>
      <RemoteContent remote={board}>
        {({ periods, list }) =>
          list === null ? (
            <StateView kind='empty' text='还没有发布合格运营商名单' hint='区里在每个季度结束后公布上一季度的名单。' />
          ) : (
            <View>
              {periods.length > 1 && (
                <View className='card'>
                  <OptionGroup
                    label='公示期'
                    options={periods.slice(0, 8).map((p) => ({ value: p, label: periodName(p) }))}
                    value={list.period}
                    onChange={setPeriod}
                  />
                </View>
              )}
              <View className='card'>
                <Text className='section-title'>
                  {list.districtName ? `${list.districtName} ` : ''}
                  {periodName(list.period)} 合格社区服务运营商名单
                </Text>
                <Text className='muted qualified__line'>{list.computedAt.slice(0, 10)} 发布</Text>
                <QualifiedOperatorList list={list} />
              </View>
            </View>
          )
        }
      </RemoteContent>
    </Page>
  )
}
