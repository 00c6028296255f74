import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { InfantCareChoice } from '@shared/care'
import { CARE_AGREEMENT, HALF_NAMES, HOURLY_BLOCKS, INFANT_CARE_TYPE_NAMES, type InfantCareType } from '@shared/care-names'
import type { BookingRequest, SessionList } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { useState } from 'react'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { Stepper } from '@/components/Stepper'
import { formatFen } from '@/lib/money'
import { BookingSummary } from '../shared/BookingSummary'
import { CareShell } from '../shared/CareShell'
import { AddMemberFirst } from '../shared/AddMemberFirst'
import { careDayOption } from '../shared/day-option'
import { useConfirmBooking } from '../shared/use-confirm-booking'
import { throughThisFriday } from '../shared/week'
import { CHILD_RULES_PAGE, PolicyLink } from '@/components/PolicyLink'
import '../shared/care.scss'

type Span = 'day' | 'week'
type Half = NonNullable<InfantCareChoice['half']>

const TYPE_OPTIONS: Option<InfantCareType>[] = [
  { value: 'full_day', label: INFANT_CARE_TYPE_NAMES.full_day, sub: '08:00–17:30，可整周预约' },
  { value: 'half_day', label: INFANT_CARE_TYPE_NAMES.half_day, sub: '上午或下午，可整周预约' },
  { value: 'hourly', label: INFANT_CARE_TYPE_NAMES.hourly, sub: `按小时，每天最多 ${HOURLY_BLOCKS.maxHours} 小时` },
  { value: 'temporary', label: INFANT_CARE_TYPE_NAMES.temporary, sub: '临时有事，托一整天' },
]
const HOUR_OPTIONS: Option<string>[] = Array.from({ length: HOURLY_BLOCKS.endHour - HOURLY_BLOCKS.firstHour }, (_, i) => {
  const hour = HOURLY_BLOCKS.firstHour + i
  return { value: String(hour), label: `${String(hour).padStart(2, '0')}:00` }
})

/** 婴幼儿托育: 全日托 or 半日托 for a day or the rest of that working week, 计时托 or 临时托 for a day, for one child; the
 * server places the child in a class and prices it. */
export default function InfantCarePage() {
  const facilityId = useRouter().params.facilityId ?? ''
  return (
    <CareShell title='婴幼儿托育 · 预约' facilityId={facilityId} service='infant_care' fn='infant_care' noSessions='这个设施近期没有开放托育'>
      {(list, members, onStale) => <InfantCareForm list={list} kids={members} onStale={onStale} />}
    </CareShell>
  )
}

interface FormProps {
  list: SessionList
  kids: FamilyMember[]
  onStale: () => Promise<void>
}

function InfantCareForm({ list, kids, onStale }: FormProps) {
  const bookable = list.sessions.filter((s) => s.bookable)
  const [sessionId, setSessionId] = useState(bookable[0]?.id)
  const [childId, setChildId] = useState<string | undefined>()
  const [span, setSpan] = useState<Span>('week')
  const [type, setType] = useState<InfantCareType>('full_day')
  const [half, setHalf] = useState<Half>('morning')
  const [startHour, setStartHour] = useState(9)
  const [hours, setHours] = useState(2)
  const [agreed, setAgreed] = useState(false)
  const runs = type === 'full_day' || type === 'half_day'
  const choice: InfantCareChoice =
    type === 'half_day' ? { type, half } : type === 'hourly' ? { type, startHour, hours } : { type }

  const session = list.sessions.find((s) => s.id === sessionId)
  const child = kids.find((c) => c.id === childId) ?? kids[0]
  const through = throughThisFriday(list.sessions, session)

  const request: BookingRequest | undefined =
    session && child
      ? {
          sessionId: session.id,
          memberId: child.id,
          quantity: 1,
          ...(type === 'full_day' ? {} : { infant: choice }),
          ...(runs && span === 'week' && through ? { throughDate: through } : {}),
          ...(agreed ? { care: { serviceAgreementVersion: CARE_AGREEMENT.version, healthCheckDeclared: true } } : {}),
        }
      : undefined
  const booking = useConfirmBooking(request, onStale)
  const needsAgreement = booking.quote.errorField === 'care'

  const dayOptions: Option<string>[] = list.sessions.slice(0, 15).map((s) => careDayOption(s, list.today, `余 ${s.remaining} 个名额`))

  if (kids.length === 0) {
    return <AddMemberFirst who='孩子' hint='托育按孩子的月龄分班，需要孩子的出生日期，并由监护人单独同意儿童个人信息保护说明。' />
  }

  return (
    <View className='care'>
      <View className='card'>
        <Text className='section-title'>1. 孩子</Text>
        <OptionGroup
          label='孩子'
          options={kids.map((c) => ({ value: c.id, label: c.name, sub: c.birthDate ?? '' }))}
          value={child?.id}
          onChange={setChildId}
        />
      </View>
      <View className='card'>
        <Text className='section-title'>2. 托育类型</Text>
        <OptionGroup label='托育类型' options={TYPE_OPTIONS} value={type} onChange={(v) => setType(v as InfantCareType)} />
        {type === 'half_day' && (
          <OptionGroup
            label='上午还是下午'
            options={[
              { value: 'morning', label: HALF_NAMES.morning },
              { value: 'afternoon', label: HALF_NAMES.afternoon },
            ]}
            value={half}
            onChange={(v) => setHalf(v as Half)}
          />
        )}
        {type === 'hourly' && (
          <>
            <OptionGroup
              label='开始时间'
              options={HOUR_OPTIONS}
              value={String(startHour)}
              onChange={(v) => {
                setStartHour(Number(v))
                setHours((h) => Math.min(h, HOURLY_BLOCKS.endHour - Number(v)))
              }}
            />
            <Stepper
              label='小时数'
              value={hours}
              min={1}
              max={Math.min(HOURLY_BLOCKS.maxHours, HOURLY_BLOCKS.endHour - startHour)}
              unit='小时'
              onChange={setHours}
            />
          </>
        )}
      </View>
      <View className='card'>
        <Text className='section-title'>3. {runs ? '从哪天开始' : '哪一天'}</Text>
        <OptionGroup label='开始日期' options={dayOptions} value={sessionId} onChange={setSessionId} />
        {session?.classes && (
          <Text className='muted'>
            {session.classes.map((c) => `${c.name} 余 ${c.remaining} · ${classPrice(c, type)}`).join('　')}
          </Text>
        )}
      </View>
      {runs && (
        <View className='card'>
          <Text className='section-title'>4. 预约几天</Text>
          <OptionGroup
            label='预约几天'
            options={[
              { value: 'day', label: '只这一天' },
              { value: 'week', label: '到本周五', sub: '整周一起预约，任何一天没有名额就都不预约' },
            ]}
            value={span}
            onChange={(v) => setSpan(v as Span)}
          />
        </View>
      )}
      {(needsAgreement || agreed) && (
        <View className='card'>
          <Text className='section-title'>托育服务协议与入托体检</Text>
          <Text className='muted care__agreement'>{CARE_AGREEMENT.text}</Text>
          <PolicyLink page={CHILD_RULES_PAGE} />
          <OptionGroup
            label='同意托育服务协议'
            options={[{ value: 'agree', label: '我是监护人，同意并确认' }]}
            value={agreed ? 'agree' : undefined}
            onChange={() => setAgreed(!agreed)}
          />
        </View>
      )}
      <BookingSummary
        booking={booking}
        waiting={needsAgreement ? '第一次在本设施预约托育，请先阅读并同意上面的协议' : '正在计算费用…'}
        handled={needsAgreement}
        ready={request !== undefined}
      />
    </View>
  )
}

type SessionClass = NonNullable<SessionList['sessions'][number]['classes']>[number]

/** The class's price for the chosen type, as the resident reads it on the day list. */
function classPrice(c: SessionClass, type: InfantCareType): string {
  const fen = { full_day: c.priceFen, half_day: c.rates.halfDayFen, hourly: c.rates.hourlyFen, temporary: c.rates.temporaryFen }[type]
  if (fen === null) return '不开设'
  return `${formatFen(fen)}/${type === 'hourly' ? '小时' : type === 'half_day' ? '半天' : '天'}`
}
