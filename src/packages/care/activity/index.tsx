import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Activity } from '@shared/activity'
import type { BookingRequest } from '@shared/booking'
import { activityEligibility, ageRangeWords } from '@shared/eligibility'
import { functionName } from '@shared/functions'
import { type FamilyMember, SELF_RELATION } from '@shared/member'
import { formatFen } from '@shared/money'
import { useState } from 'react'
import { fetchActivities } from '@/api/activities'
import { fetchMembers } from '@/api/members'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { usePageParam } from '@/hooks/use-page-param'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useRemote } from '@/hooks/use-remote'
import { clockOf } from '@/lib/dates'
import { BookingSummary } from '../shared/BookingSummary'
import { careDayOption } from '../shared/day-option'
import { useConfirmBooking } from '../shared/use-confirm-booking'
import '../shared/care.scss'
import { goBackOr, navigateTo } from '@/lib/navigate'

/** The booker themself when no 本人 is registered: booked without a member. */
const SELF = 'self'

/** Signing up for an activity: which day, and who goes — each family member the activity's ages take. */
export default function ActivitySignUpPage() {
  const facilityId = usePageParam('facilityId')
  const activityId = usePageParam('activityId')
  const list = useRemote(() => fetchActivities(facilityId), `activities|${facilityId}`)
  const members = useRemote(fetchMembers, 'members')
  useReloadOnReturn(members.reload)
  usePullToRefresh(() => Promise.all([list.reload(), members.reload()]))
  const back = () => goBackOr(() => Taro.redirectTo({ url: `/packages/facility/detail/index?id=${encodeURIComponent(facilityId)}` }))
  return (
    <Page title='活动报名'>
      <RemoteContent
        remote={list}
        empty={(l) =>
          l.activities.some((a) => a.id === activityId) ? null : (
            <StateView kind='empty' text='这个活动已经取消或结束了' hint='可以看看设施的其他活动' action={{ label: '返回', onTap: back }} />
          )
        }
      >
        {(l) => (
          <SignUpForm
            activity={l.activities.find((a) => a.id === activityId) as Activity}
            today={l.today}
            members={members.data ?? []}
            onStale={list.reload}
          />
        )}
      </RemoteContent>
    </Page>
  )
}

function SignUpForm({ activity, today, members, onStale }: { activity: Activity; today: string; members: FamilyMember[]; onStale: () => Promise<void> }) {
  const [sessionId, setSessionId] = useState(activity.sessions.find((s) => s.bookable)?.id ?? activity.sessions[0]?.id)
  const session = activity.sessions.find((s) => s.id === sessionId)
  const day = session?.date ?? today
  const hasSelf = members.some((m) => m.relation === SELF_RELATION)
  // Everyone in the family, each said to be taken or not (and why) on the chosen day; the server decides again.
  const people: Option<string>[] = [
    ...(hasSelf ? [] : [{ who: SELF, name: '本人', birthDate: null as string | null, relation: '自己' }]),
    ...members.map((m) => ({ who: m.id, name: m.name, birthDate: m.birthDate, relation: m.relation })),
  ].map((p) => {
    const eligibility = activityEligibility(activity, { name: p.name, birthDate: p.birthDate }, day)
    return { value: p.who, label: p.name, sub: eligibility.eligible ? p.relation : eligibility.reason, disabled: !eligibility.eligible }
  })
  const [who, setWho] = useState<string | undefined>()
  const chosen = people.find((p) => p.value === who && !p.disabled) ?? people.find((p) => !p.disabled)
  const request: BookingRequest | undefined =
    session && chosen ? { sessionId: session.id, quantity: 1, ...(chosen.value === SELF ? {} : { memberId: chosen.value }) } : undefined
  const booking = useConfirmBooking(request, onStale)

  const dayOptions = activity.sessions.map((s) => careDayOption(s, today, `${clockOf(s.startsAt)}–${clockOf(s.endsAt)} · 余 ${s.remaining} 个名额`))
  return (
    <View className='care'>
      <View className='card'>
        <Text className='section-title'>{activity.title}</Text>
        <Text className='care__line'>
          {functionName(activity.function)} · {ageRangeWords(activity)} · {activity.priceFen === 0 ? '免费' : `${formatFen(activity.priceFen)}/次`}
        </Text>
        {activity.description && <Text className='muted care__line'>{activity.description}</Text>}
      </View>
      <View className='card'>
        <Text className='section-title'>1. 哪一场</Text>
        <OptionGroup label='场次' options={dayOptions} value={sessionId} onChange={setSessionId} />
      </View>
      <View className='card'>
        <Text className='section-title'>2. 谁参加</Text>
        {chosen ? (
          <OptionGroup label='参加的人' options={people} value={chosen.value} onChange={setWho} />
        ) : (
          <StateView
            kind='empty'
            text={`这项活动面向 ${ageRangeWords(activity)}`}
            hint={
              // Without 本人 registered, the booker may well be of these ages themself (an 80-year-old and a 60+ class).
              hasSelf ? '家里还没有这个年龄的人，请先添加家人（需要出生日期）' : '请先添加本人或家人，填上出生日期，就能按年龄报名'
            }
            action={{ label: hasSelf ? '添加家人' : '添加本人或家人', onTap: () => navigateTo({ url: '/packages/member/edit/index' }) }}
          />
        )}
        {people.some((p) => p.disabled) && chosen && <Text className='muted care__line'>不符合年龄的家人不能选</Text>}
      </View>
      <BookingSummary booking={booking} waiting='请选择场次和参加的人' ready={request !== undefined} action='确认报名' />
    </View>
  )
}
