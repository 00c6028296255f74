import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ACTIVITY_FUNCTIONS, type Activity, type ActivityFunction } from '@shared/activity'
import { UNBOOKABLE_REASON_NAMES } from '@shared/booking'
import { ageRangeWords } from '@shared/eligibility'
import { type FacilityDetail, shortFacilityName } from '@shared/facility'
import { FUNCTION_CODES, type FunctionCode, functionName } from '@shared/functions'
import { formatFen } from '@shared/money'
import { BOOKABLE_SERVICES } from '@shared/services'
import { fetchActivities } from '@/api/activities'
import { fetchFacility } from '@/api/facility-detail'
import { Button } from '@/components/Button'
import { FacilityContact } from '@/components/FacilityContact'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { roleProps } from '@/components/a11y'
import { usePageParam } from '@/hooks/use-page-param'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { openBooking } from '@/lib/booking-pages'
import { clockOf, dayLabel } from '@/lib/dates'
import { PriceCard } from '../detail/PriceCard'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

const isActivityFunction = (fn: string): fn is ActivityFunction => (ACTIVITY_FUNCTIONS as readonly string[]).includes(fn)
const isFunction = (fn: string): fn is FunctionCode => (FUNCTION_CODES as readonly string[]).includes(fn)

/** What one of the nine functions is at one facility: its hours, contact and prices, and what can be done there —
 * book its services, sign up for its activities, or ask for a home service. */
export default function FunctionPage() {
  const facilityId = usePageParam('facilityId')
  const fn = usePageParam('function')
  const facility = useRemote(() => fetchFacility(facilityId), facilityId)
  usePullToRefresh(facility.reload)
  const title = isFunction(fn) ? functionName(fn) : '服务项目'
  return (
    <Page title={title}>
      <RemoteContent
        remote={facility}
        empty={(f) =>
          isFunction(fn) && f.functions.includes(fn) ? null : (
            <StateView kind='empty' text={`${shortFacilityName(f.name)}没有开设这项服务`} action={{ label: '返回设施', onTap: () => openFacility(f.id) }} />
          )
        }
      >
        {(f) => <FunctionView facility={f} fn={fn as FunctionCode} />}
      </RemoteContent>
    </Page>
  )
}

const openFacility = (id: string) => Taro.redirectTo({ url: `/packages/facility/detail/index?id=${encodeURIComponent(id)}` })

function FunctionView({ facility, fn }: { facility: FacilityDetail; fn: FunctionCode }) {
  const hours = facility.functionHours.find((h) => h.function === fn)?.hours ?? facility.hours
  const services = facility.services.filter((s) => s.bookable && BOOKABLE_SERVICES.find((b) => b.code === s.code)?.function === fn)
  return (
    <View>
      <View className='card'>
        <Text className='function__name'>{functionName(fn)}</Text>
        <Text className='muted function__line'>{facility.name}</Text>
        <Text className='function__line'>
          开放时间：{hours.length > 0 ? hours.map((h) => `${h.days} ${h.opens}–${h.closes}`).join('；') : '请电话咨询'}
        </Text>
        <FacilityContact facility={facility} />
      </View>
      {services.length > 0 && (
        <View className='card'>
          <Text className='section-title'>在线预约</Text>
          {services.map((s) => (
            <Button key={s.code} className='tap button button--primary function__action' onClick={() => openBooking(s.code, facility.id)}>
              预约{s.name}
            </Button>
          ))}
        </View>
      )}
      {fn === 'housekeeping' && <HomeServiceCard facilityId={facility.id} />}
      {isActivityFunction(fn) && <ActivitiesCard facilityId={facility.id} fn={fn} />}
      <PriceCard facilityId={facility.id} only={fn} />
    </View>
  )
}

function HomeServiceCard({ facilityId }: { facilityId: string }) {
  return (
    <View className='card'>
      <Text className='section-title'>上门服务</Text>
      <Text className='function__line'>保洁、维修、助浴、陪诊等：提交申请，设施确认时间和价格后上门服务。</Text>
      <Button
        className='tap button button--primary function__action'
        onClick={() => navigateTo({ url: `/packages/facility/home-service/index?facilityId=${encodeURIComponent(facilityId)}` })}
      >
        申请上门服务
      </Button>
    </View>
  )
}

function ActivitiesCard({ facilityId, fn }: { facilityId: string; fn: ActivityFunction }) {
  const list = useRemote(() => fetchActivities(facilityId, fn), `${facilityId}|${fn}`)
  return (
    <View className='card' {...roleProps('region')} aria-label='活动'>
      <Text className='section-title'>活动报名</Text>
      <RemoteContent
        remote={list}
        loadingText='正在读取活动…'
        empty={(l) => (l.activities.length === 0 ? <Text className='muted function__line'>近期没有可以报名的活动，可以打电话问问设施。</Text> : null)}
      >
        {(l) => (
          <View>
            {l.activities.map((a) => (
              <ActivityItem key={a.id} activity={a} today={l.today} />
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  )
}

/** The next few days are listed; the sign-up page offers every one. */
const SHOWN_DAYS = 3

function ActivityItem({ activity, today }: { activity: Activity; today: string }) {
  const open = activity.sessions.some((s) => s.bookable || s.reason === 'full')
  const signUp = () =>
    navigateTo({
      url: `/packages/care/activity/index?facilityId=${encodeURIComponent(activity.facilityId)}&activityId=${encodeURIComponent(activity.id)}`,
    })
  return (
    <View className='function__activity'>
      <Text className='function__activity-title'>{activity.title}</Text>
      <Text className='function__line'>
        {ageRangeWords(activity)} · {activity.priceFen === 0 ? '免费' : `${formatFen(activity.priceFen)}/次`}
      </Text>
      {activity.description && <Text className='muted function__line'>{activity.description}</Text>}
      {activity.sessions.slice(0, SHOWN_DAYS).map((s) => (
        <Text key={s.id} className='function__line'>
          {dayLabel(s.date, today)} {clockOf(s.startsAt)}–{clockOf(s.endsAt)} ·{' '}
          {s.bookable ? `余 ${s.remaining} 个名额` : s.reason === 'full' ? '已约满 · 可候补' : s.reason ? UNBOOKABLE_REASON_NAMES[s.reason] : '不可报名'}
        </Text>
      ))}
      {activity.sessions.length > SHOWN_DAYS && <Text className='muted function__line'>另有 {activity.sessions.length - SHOWN_DAYS} 场</Text>}
      <Button className='tap button button--primary function__action' disabled={!open} onClick={signUp}>
        {open ? `报名「${activity.title}」` : '暂不能报名'}
      </Button>
    </View>
  )
}
