import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { FacilityDetail } from '@shared/facility'
import { fetchFacility } from '@/api/facilities'
import { FunctionTags } from '@/components/FunctionTags'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

const openMealOrder = (facilityId: string) =>
  Taro.navigateTo({ url: `/packages/meal/order/index?facilityId=${encodeURIComponent(facilityId)}` })
const openCare = (page: 'infant' | 'respite' | 'after-school' | 'day-care', facilityId: string) =>
  Taro.navigateTo({ url: `/packages/care/${page}/index?facilityId=${encodeURIComponent(facilityId)}` })

export default function FacilityDetailPage() {
  const id = useRouter().params.id ?? ''
  const facility = useRemote(() => fetchFacility(id), id)
  usePullToRefresh(facility.reload)

  return (
    <Page>
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
        <Text className='section-title'>提供的服务</Text>
        <FunctionTags className='detail__functions' codes={facility.functions} />
        {facility.functions.includes('meal') && (
          <Button className='tap button button--primary detail__book' onClick={() => openMealOrder(facility.id)}>
            预约社区助餐
          </Button>
        )}
        {facility.functions.includes('child_care') && (
          <Button className='tap button detail__book' onClick={() => openCare('after-school', facility.id)}>
            预约儿童托管
          </Button>
        )}
        {facility.functions.includes('elderly_care') && (
          <>
            <Button className='tap button detail__book' onClick={() => openCare('day-care', facility.id)}>
              预约日间照料
            </Button>
            <Button className='tap button detail__book' onClick={() => openCare('respite', facility.id)}>
              预约短期托养
            </Button>
          </>
        )}
        {facility.functions.includes('infant_care') && (
          <Button className='tap button button--primary detail__book' onClick={() => openCare('infant', facility.id)}>
            预约婴幼儿托育
          </Button>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>地址与开放时间</Text>
        <Text className='detail__line'>{facility.address}</Text>
        {facility.coordinatesApproximate && <Text className='muted detail__line'>地图位置为大致位置</Text>}
        {facility.hours.map((h) => (
          <Text key={h.days} className='detail__line'>
            {h.days} {h.opens}–{h.closes}
          </Text>
        ))}
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

const percent = (x: number) => `${Math.round(x * 100)}%`

/** What residents said of the facility, summed: how many rated, how many were satisfied, the four scores. */
function SatisfactionCard({ summary }: { summary: FacilityDetail['satisfaction'] }) {
  const openList = () => Taro.navigateTo({ url: '/packages/facility/qualified/index' })
  return (
    <View className='card' role='region' aria-label='居民评价'>
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
