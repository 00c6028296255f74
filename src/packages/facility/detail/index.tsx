import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type FacilityDetail, type FacilityService, shortFacilityName } from '@shared/facility'
import { fetchFacility } from '@/api/facilities'
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
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

const openFacility = (facilityId: string) =>
  Taro.navigateTo({ url: `/packages/facility/detail/index?id=${encodeURIComponent(facilityId)}` })

export default function FacilityDetailPage() {
  const id = usePageParam('id')
  const facility = useRemote(() => fetchFacility(id), id)
  usePullToRefresh(facility.reload)

  return (
    <Page title='设施详情'>
      <RemoteContent remote={facility}>{(data) => <FacilityDetailView facility={data} />}</RemoteContent>
    </Page>
  )
}

function FacilityDetailView({ facility }: { facility: FacilityDetail }) {
  const call = (phoneNumber: string) => Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
  const openMap = () =>
    Taro.openLocation({
      latitude: facility.lat,
      longitude: facility.lng,
      name: facility.name,
      address: facility.address,
      scale: 16,
    }).catch(() => undefined)

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
      </View>

      <SatisfactionCard summary={facility.satisfaction} />

      <View className='card'>
        <Text className='section-title'>{facility.isReserve ? '规划提供的服务' : '提供的服务'}</Text>
        <FunctionTags className='detail__functions' codes={facility.functions} />
        {facility.isReserve && <Text className='muted detail__line'>储备项目：设施还没有建成开放，暂时不能在这里预约。</Text>}
        {facility.services.map((service) => (
          <ServiceBooking key={service.code} facilityId={facility.id} service={service} />
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>地址与开放时间</Text>
        <Text className='detail__line'>{facility.address}</Text>
        {facility.coordinatesApproximate && <Text className='muted detail__line'>地图位置为大致位置</Text>}
        {facility.isReserve ? (
          <Text className='detail__line'>尚未建成开放</Text>
        ) : (
          facility.hours.map((h) => (
            <Text key={h.days} className='detail__line'>
              {h.days} {h.opens}–{h.closes}
            </Text>
          ))
        )}
        <View className='detail__actions'>
          {facility.phone ? (
            <Button className='tap button button--primary' onClick={() => call(facility.phone as string)}>
              拨打电话 {facility.phone}
            </Button>
          ) : (
            <Text className='muted'>联系电话待街道公布</Text>
          )}
          {isWeapp && (
            <Button className='tap button' onClick={openMap}>
              查看地图
            </Button>
          )}
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>设施概况</Text>
        <Text className='detail__line'>面积：{facility.areaSqm} 平方米</Text>
        <Text className='detail__line'>建设年度：{facility.year} 年</Text>
        <Text className='detail__line'>运营方：{facility.operator?.name ?? '待公示'}</Text>
        <Text className='detail__line'>运营模式：{facility.operatingModels.join('、')}</Text>
      </View>

      {facility.dataNote && <Text className='muted detail__note'>说明：{facility.dataNote}</Text>}
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
  const openList = () => Taro.navigateTo({ url: '/packages/facility/qualified/index' })
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
