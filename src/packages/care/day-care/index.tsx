import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { BookingRequest, SessionList } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { useState } from 'react'
import { fetchSessions } from '@/api/booking'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { useRemote } from '@/hooks/use-remote'
import { formatFen } from '@/lib/money'
import { BookingSummary } from '../shared/BookingSummary'
import { CareShell } from '../shared/CareShell'
import { AddMemberFirst } from '../shared/AddMemberFirst'
import { careDayOption } from '../shared/day-option'
import { useConfirmBooking } from '../shared/use-confirm-booking'
import { throughThisFriday } from '../shared/week'
import '../shared/care.scss'

const NO_LUNCH = 'none'

/** 日间照料: a day place (08:30–17:00) for an elderly member, a day or the rest of the week; lunch can be added for a
 * single day, from that day's menu (booked as its own community-meal order). */
export default function DayCarePage() {
  const facilityId = useRouter().params.facilityId ?? ''
  return (
    <CareShell title='日间照料 · 预约' facilityId={facilityId} service='day_care' fn='elderly_care' part='full_day' noSessions='这个设施近期没有开放日间照料'>
      {(list, members, onStale) => (
        <DayCareForm facilityId={facilityId} list={list} elders={members} onStale={onStale} />
      )}
    </CareShell>
  )
}

interface FormProps {
  facilityId: string
  list: SessionList
  elders: FamilyMember[]
  onStale: () => Promise<void>
}

function DayCareForm({ facilityId, list, elders, onStale }: FormProps) {
  const [dayId, setDayId] = useState(list.sessions.find((s) => s.bookable)?.id)
  const [elderId, setElderId] = useState<string | undefined>()
  const [week, setWeek] = useState(false)
  const [lunchSetId, setLunchSetId] = useState(NO_LUNCH)
  const meals = useRemote(() => fetchSessions(facilityId, 'meal'), `meal|${facilityId}`)
  const day = list.sessions.find((s) => s.id === dayId)
  const elder = elders.find((e) => e.id === elderId) ?? elders[0]
  const through = throughThisFriday(list.sessions, day)
  const lunch = day && meals.data?.sessions.find((s) => s.date === day.date && s.part === 'lunch' && s.bookable)
  const withLunch = !week && lunch && lunchSetId !== NO_LUNCH

  const request: BookingRequest | undefined =
    day && elder
      ? {
          sessionId: day.id,
          memberId: elder.id,
          quantity: 1,
          ...(week && through ? { throughDate: through } : {}),
          ...(withLunch ? { lunch: { setId: lunchSetId } } : {}),
        }
      : undefined
  const booking = useConfirmBooking(request, onStale)

  if (elders.length === 0) {
    return <AddMemberFirst who='老人' hint='日间照料为 60 周岁及以上的老人提供，需要老人的出生日期。' />
  }
  const dayOptions: Option<string>[] = list.sessions
    .slice(0, 10)
    .map((s) => careDayOption(s, list.today, `余 ${s.remaining} 个名额${s.priceFen ? ` · ${formatFen(s.priceFen)}` : ''}`))
  const lunchOptions: Option<string>[] = [
    { value: NO_LUNCH, label: '不订午餐' },
    ...(lunch?.sets ?? []).map((set) => ({ value: set.id, label: set.name, sub: `${set.dishes.join('、')} · 原价 ${formatFen(set.priceFen)}` })),
  ]
  return (
    <View className='care'>
      <View className='card'>
        <Text className='section-title'>1. 老人</Text>
        <OptionGroup
          label='老人'
          options={elders.map((e) => ({ value: e.id, label: e.name, sub: e.relation }))}
          value={elder?.id}
          onChange={setElderId}
        />
      </View>
      <View className='card'>
        <Text className='section-title'>2. 哪一天（08:30–17:00）</Text>
        <OptionGroup label='日期' options={dayOptions} value={dayId} onChange={setDayId} />
        <OptionGroup
          label='预约几天'
          options={[
            { value: 'day', label: '只这一天', sub: '可以加订午餐' },
            { value: 'week', label: '到本周五', sub: '整周一起预约，任何一天没有名额就都不预约' },
          ]}
          value={week ? 'week' : 'day'}
          onChange={(v) => setWeek(v === 'week')}
        />
      </View>
      {!week && (
        <View className='card'>
          <Text className='section-title'>3. 午餐（社区助餐，在设施用餐）</Text>
          {lunch ? (
            <OptionGroup label='午餐' options={lunchOptions} value={lunchSetId} onChange={setLunchSetId} />
          ) : (
            <Text className='muted'>{meals.loading ? '正在读取菜单…' : '这一天没有可以预约的午餐'}</Text>
          )}
        </View>
      )}
      <BookingSummary
        booking={booking}
        waiting='正在计算费用…'
        ready={request !== undefined}
      />
    </View>
  )
}
