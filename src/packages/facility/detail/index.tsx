import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { FacilityDetail, FacilityService } from '@shared/facility'
import { shortFacilityName } from '@shared/facility-names'
import { functionName } from '@shared/function-list'
import type { FunctionCode } from '@shared/functions'
import { fetchFacility } from '@/api/facility-detail'
import { FacilityContact } from '@/components/FacilityContact'
import { OpenNow } from '@/components/FacilityCard/OpenNow'
import { FunctionTags } from '@/components/FunctionTags'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { usePageParam } from '@/hooks/use-page-param'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { openBooking } from '@/lib/booking-pages'
import { formatDistance } from '@/lib/format'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { PriceCard } from './PriceCard'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

const facilityPath = (facilityId: string) => `/packages/facility/detail/index?id=${encodeURIComponent(facilityId)}`
const openFacility = (facilityId: string) => navigateTo({ url: facilityPath(facilityId) })

/** 分享: WeChat's share sheet (a card to a chat); in a browser the system share sheet, or the link copied. */
function ShareFacility({ facility }: { facility: FacilityDetail }) {
  const [copied, setCopied] = useState(false)
  if (isWeapp) {
    return (
      <Button className='tap button detail__share' openType='share'>
        分享给家人
      </Button>
    )
  }
  const share = async () => {
    const url = `${window.location.origin}/#${facilityPath(facility.id)}`
    const title = `${shortFacilityName(facility.name)} · 家门口的社区服务`
    if (typeof navigator.share === 'function') {
      await navigator.share({ title, url }).catch(() => undefined)
      return
    }
    await Taro.setClipboardData({ data: `${title} ${url}` }).catch(() => undefined)
    setCopied(true)
  }
  return (
    <View className='detail__share-row'>
      <Button className='tap button detail__share' onClick={share}>
        分享给家人
      </Button>
      {copied && (
        <View className='muted' role='status'>
          链接已复制，可以粘贴到微信发给家人
        </View>
      )}
    </View>
  )
}

export default function FacilityDetailPage() {
  const id = usePageParam('id')
  const facility = useRemote(() => fetchFacility(id), id)
  usePullToRefresh(facility.reload)
  // 转发 from the menu or the 分享 button: a card that opens this facility.
  useShareAppMessage(() => ({
    title: facility.data ? `${shortFacilityName(facility.data.name)} · 家门口的社区服务` : '家门口的社区服务',
    path: facilityPath(id),
  }))

  return (
    <Page title='设施详情'>
      <RemoteContent remote={facility}>{(data) => <FacilityDetailView facility={data} />}</RemoteContent>
    </Page>
  )
}

function FacilityDetailView({ facility }: { facility: FacilityDetail }) {
  return (
    <View>
      <View className='card'>
        <Text className='detail__name'>{facility.name}</Text>
        <Text className='muted detail__line'>
          {facility.district} · {facility.street} · {facility.community}
        </Text>
        <View className='detail__badges'>
          {facility.isComplex && <Text className='tag'>服务综合体</Text>}
          {facility.isReserve && <Text className='tag'>储备项目</Text>}
          {facility.qualifiedIn && <Text className='tag tag--qualified'>合格运营商 · {facility.qualifiedIn}</Text>}
        </View>
        <OpenNow facility={facility} />
        <FacilityContact facility={facility} />
        <ShareFacility facility={facility} />
      </View>

      <SatisfactionCard summary={facility.satisfaction} />

      <View className='card'>
        <Text className='section-title'>{facility.isReserve ? '规划提供的服务' : '提供的服务'}</Text>
        {facility.isReserve ? (
          <FunctionTags className='detail__functions' codes={facility.functions} />
        ) : (
          <FunctionLinks facilityId={facility.id} codes={facility.functions} />
        )}
        {facility.isReserve && <Text className='muted detail__line'>储备项目：设施还没有建成开放，暂时不能在这里预约。</Text>}
        {facility.services.map((service) => (
          <ServiceBooking key={service.code} facilityId={facility.id} service={service} />
        ))}
        {!facility.isReserve && facility.functions.includes('housekeeping') && (
          <Button
            className='tap button detail__book'
            onClick={() => navigateTo({ url: `/packages/facility/home-service/index?facilityId=${encodeURIComponent(facility.id)}` })}
          >
            申请家政上门服务
          </Button>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>地址与开放时间</Text>
        <Text className='detail__line'>{facility.address}</Text>
        {facility.coordinatesApproximate && <Text className='muted detail__line'>地图位置为大致位置</Text>}
        {facility.isReserve ? (
          <Text className='detail__line'>尚未建成开放</Text>
        ) : (
          <>
            {facility.hours.map((h) => (
              <Text key={h.days} className='detail__line'>
                {h.days} {h.opens}–{h.closes}
              </Text>
            ))}
            {facility.functionHours.map((f) => (
              <Text key={f.function} className='detail__line'>
                {functionName(f.function)}：{f.hours.map((h) => `${h.days} ${h.opens}–${h.closes}`).join('；')}
              </Text>
            ))}
          </>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>设施概况</Text>
        <Text className='detail__line'>面积：{facility.areaSqm} 平方米</Text>
        <Text className='detail__line'>建设年度：{facility.year} 年</Text>
        <Text className='detail__line'>运营方：{facility.operator?.name ?? '待公示'}</Text>
        <Text className='detail__line'>运营模式：{facility.operatingModels.join('、')}</Text>
        {!facility.isReserve && (
          <Button
            className='tap button detail__book'
            onClick={() => navigateTo({ url: `/packages/facility/feedback/index?facilityId=${encodeURIComponent(facility.id)}` })}
          >
            意见建议 · 价格投诉
          </Button>
        )}
      </View>

      {!facility.isReserve && <PriceCard facilityId={facility.id} />}

      {facility.dataNote && <Text className='muted detail__note'>说明：{facility.dataNote}</Text>}
    </View>
  )
}

/** Each function opens its own page here: its hours, prices and contact, its activities or home services. */
function FunctionLinks({ facilityId, codes }: { facilityId: string; codes: readonly FunctionCode[] }) {
  const open = (code: FunctionCode) =>
    navigateTo({ url: `/packages/facility/function/index?facilityId=${encodeURIComponent(facilityId)}&function=${code}` })
  return (
    <View className='detail__functions'>
      {codes.map((code) => (
        <Button key={code} className='tap button detail__function' onClick={() => open(code)}>
          {functionName(code)} ›
        </Button>
      ))}
    </View>
  )
}

/** 预约 where the service is open here; where it is not, why not and the nearest facility where it is. */
function ServiceBooking({ facilityId, service }: { facilityId: string; service: FacilityService }) {
  if (service.bookable) {
    return (
      <Button
        className={`tap button detail__book${service.code === 'meal' ? ' button--primary' : ''}`}
        onClick={() => openBooking(service.code, facilityId)}
      >
        预约{service.name}
      </Button>
    )
  }
  const { nearest } = service
  return (
    <View className='detail__elsewhere' data-service={service.code}>
      <Text className='detail__line'>
        {service.name}：本设施暂时不能预约
        {nearest
          ? `。离这里最近、可以预约的是${shortFacilityName(nearest.name)}（约 ${formatDistance(nearest.distanceM)}）`
          : `，附近也还没有设施开放${service.name}`}
      </Text>
      {nearest && (
        <Button className='tap button detail__book' onClick={() => openFacility(nearest.facilityId)}>
          查看{shortFacilityName(nearest.name)}
        </Button>
      )}
    </View>
  )
}

const percent = (x: number) => `${Math.round(x * 100)}%`

/** What residents said of the facility, summed: how many rated, how many were satisfied, the four scores. */
function SatisfactionCard({ summary }: { summary: FacilityDetail['satisfaction'] }) {
  const openList = () => navigateTo({ url: '/packages/facility/qualified/index' })
  return (
    <View className='card' {...roleProps('region')} aria-label='居民评价'>
      <Text className='section-title'>居民评价</Text>
      {summary.count === 0 || summary.satisfactionRate === null ? (
        <Text className='muted detail__line'>还没有居民评价</Text>
      ) : (
        <>
          <Text className='detail__line'>
            满意率 {percent(summary.satisfactionRate)} · {summary.count} 人评价
            {summary.wouldUseAgainRate !== null ? ` · ${percent(summary.wouldUseAgainRate)} 愿意再来` : ''}
          </Text>
          <Text className='muted detail__line'>{summary.dimensions.map((d) => `${d.name} ${d.mean.toFixed(1)}`).join('　')}</Text>
        </>
      )}
      <Button className='tap button detail__book' onClick={openList}>
        查看合格运营商名单
      </Button>
    </View>
  )
}
