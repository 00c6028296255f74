import { Input, Text, View } from '@tarojs/components'
import type { FunctionCode } from '@shared/functions'
import { useState } from 'react'
import { fetchFacilities } from '@/api/facilities'
import { ElderModeToggle } from '@/components/ElderModeToggle'
import { Announcements } from '@/components/Announcements'
import { ElderOffer } from '@/components/ElderOffer'
import { FacilityCard } from '@/components/FacilityCard'
import { FunctionFilter } from '@/components/FunctionFilter'
import { Page } from '@/components/Page'
import { QuickTasks } from '@/components/QuickTasks'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { requestPosition } from '@/lib/location'
import { usePosition, useSetPosition } from '@/stores/location'
import { Button } from '@/components/Button'
import { fieldLabel } from '@/components/a11y'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

export default function FacilitiesPage() {
  const [fn, setFn] = useState<FunctionCode | undefined>()
  const position = usePosition()
  const setPosition = useSetPosition()
  const [locationNote, setLocationNote] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')

  const key = `${fn ?? 'all'}|${position ? `${position.lat},${position.lng}` : 'none'}|${q}`
  const facilities = useRemote(() => fetchFacilities({ function: fn, position, q }), key)
  usePullToRefresh(facilities.reload)

  const sortByDistance = async () => {
    const result = await requestPosition()
    if (result.ok) {
      setPosition(result.position)
      setLocationNote(null)
    } else {
      setLocationNote(result.message)
    }
  }

  const showAll = () => {
    setFn(undefined)
    setTyped('')
    setQ('')
  }

  const open = (id: string) => navigateTo({ url: `/packages/facility/detail/index?id=${encodeURIComponent(id)}` })
  const orderMeal = (id: string) =>
    navigateTo({ url: `/packages/meal/order/index?facilityId=${encodeURIComponent(id)}` })
  const cardAction = fn === 'meal' ? { label: '订餐', onTap: orderMeal } : undefined

  return (
    <Page title='家门口 · 社区服务'>
      <View className='facilities__header'>
        <Text className='facilities__title'>找家门口的服务</Text>
        <ElderModeToggle />
      </View>

      <ElderOffer />
      <Announcements />
      <QuickTasks facilities={fn || q ? undefined : facilities.data} onChooseFacility={setFn} />

      <View className='facilities__search' role='search'>
        <Input
          className='facilities__search-input'
          type='text'
          confirmType='search'
          value={typed}
          maxlength={30}
          placeholder='搜设施名、社区或街道'
          {...fieldLabel('搜索设施名、社区或街道')}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={(e) => setQ(e.detail.value.trim())}
        />
        <Button className='tap button facilities__search-button' onClick={() => setQ(typed.trim())}>
          搜索
        </Button>
      </View>
      {q && (
        <View className='facilities__searched'>
          <Text className='muted'>搜索「{q}」</Text>
          <Button
            className='tap button'
            onClick={() => {
              setTyped('')
              setQ('')
            }}
          >
            清除搜索
          </Button>
        </View>
      )}

      <FunctionFilter value={fn} onChange={setFn} />

      <View className='facilities__location'>
        {position ? (
          <>
            <Text className='muted'>已按离您的距离排序</Text>
            <Button className='tap button' onClick={() => setPosition(null)}>
              按名称排序
            </Button>
          </>
        ) : (
          <>
            <Text className='muted'>{locationNote ?? '按名称排序'}</Text>
            <Button className='tap button' onClick={sortByDistance}>
              按距离排序
            </Button>
          </>
        )}
      </View>

      <RemoteContent
        remote={facilities}
        empty={(list) =>
          list.length === 0 ? (
            q ? (
              <StateView
                kind='empty'
                text={`没有找到「${q}」`}
                hint='可以试试设施名、社区名或街道名，例如 红旗、新华路'
                action={{ label: '查看全部设施', onTap: showAll }}
              />
            ) : (
              <StateView
                kind='empty'
                text='附近暂时没有提供这项服务的设施'
                hint='可以看看其他服务，或向社区提出需求'
                action={{ label: '查看全部设施', onTap: showAll }}
              />
            )
          ) : null
        }
      >
        {(list) => (
          <View aria-busy={facilities.loading}>
            {list.map((facility) => (
              <FacilityCard key={facility.id} facility={facility} onOpen={open} action={cardAction} />
            ))}
            <Text className='muted facilities__count'>共 {list.length} 处设施 · 下拉可刷新</Text>
          </View>
        )}
      </RemoteContent>
    </Page>
  )
}
