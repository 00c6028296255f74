import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { CARE_AGREEMENT } from '@shared/care'
import type { BookingRequest, SessionList } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { useMemo, useState } from 'react'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { StateView } from '@/components/StateView'
import { dayLabel } from '@/lib/dates'
import { formatFen } from '@/lib/money'
import { BookingSummary } from '../shared/BookingSummary'
import { CareShell } from '../shared/CareShell'
import { useConfirmBooking } from '../shared/use-confirm-booking'
import '../shared/care.scss'

type Span = 'day' | 'week'

/** 婴幼儿托育 · 全日托: a day, or the rest of that working week, for one child; the server places the child in a class. */
export default function InfantCarePage() {
  const facilityId = useRouter().params.facilityId ?? ''
  return (
    <CareShell facilityId={facilityId} fn='infant_care' noSessions='这个设施近期没有开放托育'>
      {(list, members, onStale) => <InfantCareForm list={list} kids={members.filter((m) => m.isChild)} onStale={onStale} />}
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
  const [agreed, setAgreed] = useState(false)

  const session = list.sessions.find((s) => s.id === sessionId)
  const child = kids.find((c) => c.id === childId) ?? kids[0]
  // The week runs to the Friday of the chosen day's week (sessions exist on working days only).
  const friday = useMemo(() => {
    if (!session) return undefined
    const day = new Date(`${session.date}T00:00:00Z`)
    day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7))
    return day.toISOString().slice(0, 10)
  }, [session])

  const request: BookingRequest | undefined =
    session && child
      ? {
          sessionId: session.id,
          memberId: child.id,
          quantity: 1,
          ...(span === 'week' && friday && friday > session.date ? { throughDate: friday } : {}),
          ...(agreed ? { care: { serviceAgreementVersion: CARE_AGREEMENT.version, healthCheckDeclared: true } } : {}),
        }
      : undefined
  const { quote, placing, confirm, waitlist, joinWaitlist } = useConfirmBooking(request, onStale)
  const needsAgreement = quote.errorField === 'care'

  const dayOptions: Option<string>[] = list.sessions.slice(0, 15).map((s) => ({
    value: s.id,
    label: dayLabel(s.date, list.today),
    disabled: !s.bookable,
    sub: s.bookable ? `余 ${s.remaining} 个名额` : '不可预约',
  }))

  if (kids.length === 0) {
    return (
      <StateView
        kind='empty'
        text='请先添加孩子的信息'
        hint='托育按孩子的月龄分班，需要孩子的出生日期，并由监护人单独同意儿童个人信息保护说明。'
        action={{ label: '添加孩子', onTap: () => Taro.navigateTo({ url: '/packages/member/edit/index' }) }}
      />
    )
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
        <Text className='section-title'>2. 从哪天开始（全日托 08:00–17:30）</Text>
        <OptionGroup label='开始日期' options={dayOptions} value={sessionId} onChange={setSessionId} />
        {session?.classes && (
          <Text className='muted'>
            {session.classes.map((c) => `${c.name} 余 ${c.remaining} · ${formatFen(c.priceFen)}/天`).join('　')}
          </Text>
        )}
      </View>
      <View className='card'>
        <Text className='section-title'>3. 预约几天</Text>
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
      {(needsAgreement || agreed) && (
        <View className='card'>
          <Text className='section-title'>托育服务协议与入托体检</Text>
          <Text className='muted care__agreement'>{CARE_AGREEMENT.text}</Text>
          <OptionGroup
            label='同意托育服务协议'
            options={[{ value: 'agree', label: '我是监护人，同意并确认' }]}
            value={agreed ? 'agree' : undefined}
            onChange={() => setAgreed(!agreed)}
          />
        </View>
      )}
      <BookingSummary
        quote={quote}
        waiting={needsAgreement ? '第一次在本设施预约托育，请先阅读并同意上面的协议' : '正在计算费用…'}
        handled={needsAgreement}
        failure={placing.failure}
        ready={request !== undefined}
        busy={placing.busy}
        onConfirm={confirm}
        waitlist={waitlist}
        onJoinWaitlist={joinWaitlist}
      />
    </View>
  )
}
