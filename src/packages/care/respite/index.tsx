import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { BookingRequest, SessionList } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { useState } from 'react'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { Stepper } from '@/components/Stepper'
import { calendarDay } from '@/lib/dates'
import { BookingSummary } from '../shared/BookingSummary'
import { CareShell } from '../shared/CareShell'
import { AddMemberFirst } from '../shared/AddMemberFirst'
import { careDayOption } from '../shared/day-option'
import { useConfirmBooking } from '../shared/use-confirm-booking'
import '../shared/care.scss'

/** 短期托养: an elderly member stays N nights from a first night; every night needs a bed or none is taken. */
export default function RespitePage() {
  const facilityId = useRouter().params.facilityId ?? ''
  return (
    <CareShell title='短期托养 · 预约' facilityId={facilityId} service='respite' fn='elderly_care' part='night' noSessions='这个设施近期没有开放短期托养'>
      {(list, members, onStale) => <StayForm list={list} elders={members} onStale={onStale} />}
    </CareShell>
  )
}

function StayForm({ list, elders, onStale }: { list: SessionList; elders: FamilyMember[]; onStale: () => Promise<void> }) {
  const [firstId, setFirstId] = useState(list.sessions.find((s) => s.bookable)?.id)
  const [elderId, setElderId] = useState<string | undefined>()
  const [count, setCount] = useState(3)
  const first = list.sessions.find((s) => s.id === firstId)
  const elder = elders.find((e) => e.id === elderId) ?? elders[0]
  const longest = list.maxRunDays ?? 14
  const lastNight = first ? list.sessions[list.sessions.indexOf(first) + count - 1] : undefined

  const request: BookingRequest | undefined =
    first && elder && lastNight ? { sessionId: first.id, memberId: elder.id, quantity: 1, throughDate: lastNight.date } : undefined
  const booking = useConfirmBooking(request, onStale)

  if (elders.length === 0) {
    return <AddMemberFirst who='老人' hint='短期托养为 60 周岁及以上的老人提供，需要老人的出生日期。' />
  }
  const nightOptions: Option<string>[] = list.sessions.slice(0, 21).map((s) => careDayOption(s, list.today, `空床 ${s.remaining}`))
  return (
    <View className='care'>
      <View className='card'>
        <Text className='section-title'>1. 入住的老人</Text>
        <OptionGroup
          label='入住的老人'
          options={elders.map((e) => ({ value: e.id, label: e.name, sub: e.relation }))}
          value={elder?.id}
          onChange={setElderId}
        />
      </View>
      <View className='card'>
        <Text className='section-title'>2. 哪天晚上入住（18:00 起）</Text>
        <OptionGroup label='入住日期' options={nightOptions} value={firstId} onChange={setFirstId} />
      </View>
      <View className='card'>
        <Text className='section-title'>3. 住几晚</Text>
        <Stepper label='晚数' value={count} min={1} max={longest} unit='晚' onChange={setCount} />
        {lastNight && <Text className='muted'>最后一晚：{calendarDay(lastNight.date)}，第二天 08:00 离开</Text>}
      </View>
      <BookingSummary
        booking={booking}
        waiting={'正在计算费用…'}
        ready={request !== undefined}
      />
    </View>
  )
}
