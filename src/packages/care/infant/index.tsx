import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { CARE_AGREEMENT } from '@shared/care'
import type { BookingRequest, SessionList } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { useMemo, useState } from 'react'
import { fetchSessions, placeBooking, quoteBooking } from '@/api/bookings'
import { fetchMembers } from '@/api/members'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { QuoteBox } from '@/components/QuoteBox'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useRemote } from '@/hooks/use-remote'
import { dayLabel } from '@/lib/dates'
import { formatFen } from '@/lib/money'
import { usePlaceBooking } from '@/hooks/use-place-booking'
import { useQuote } from '@/hooks/use-quote'
import './index.scss'

type Span = 'day' | 'week'

/** 婴幼儿托育 · 全日托: a day, or the rest of that working week, for one child; the server places the child in a class. */
export default function InfantCarePage() {
  const facilityId = useRouter().params.facilityId ?? ''
  const sessions = useRemote(() => fetchSessions(facilityId, 'infant_care'), facilityId)
  const members = useRemote(fetchMembers, 'members')
  useReloadOnReturn(members.reload)
  usePullToRefresh(() => Promise.all([sessions.reload(), members.reload()]))
  return (
    <Page>
      <RemoteContent
        remote={sessions}
        empty={(list) => (list.sessions.length === 0 ? <StateView kind='empty' text='这个设施近期没有开放托育' /> : null)}
      >
        {(list) => <InfantCareForm list={list} kids={(members.data ?? []).filter((m) => m.isChild)} onStale={sessions.reload} />}
      </RemoteContent>
    </Page>
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
  const placing = usePlaceBooking(placeBooking, onStale)

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
  const quote = useQuote(request, quoteBooking)
  const needsAgreement = quote.errorField === 'care'

  const dayOptions: Option<string>[] = list.sessions.slice(0, 15).map((s) => ({
    value: s.id,
    label: dayLabel(s.date, list.today),
    disabled: !s.bookable,
    sub: s.bookable ? `余 ${s.remaining} 个名额` : '不可预约',
  }))

  const submit = async () => {
    if (!request || !quote.quote) return
    const booking = await placing.submit(request, quote.quote.payableFen)
    if (booking) await Taro.redirectTo({ url: `/packages/booking/detail/index?id=${encodeURIComponent(booking.id)}&placed=1` })
  }

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
    <View className='infant-care'>
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
          <Text className='muted infant-care__agreement'>{CARE_AGREEMENT.text}</Text>
          <OptionGroup
            label='同意托育服务协议'
            options={[{ value: 'agree', label: '我是监护人，同意并确认' }]}
            value={agreed ? 'agree' : undefined}
            onChange={() => setAgreed(!agreed)}
          />
        </View>
      )}
      <View className='card infant-care__summary' aria-live='polite'>
        {quote.quote ? (
          <QuoteBox quote={quote.quote} />
        ) : quote.error && !needsAgreement ? (
          <View role='alert'>
            <Text className='infant-care__error'>{quote.error}</Text>
          </View>
        ) : (
          <Text className='muted'>{needsAgreement ? '第一次在本设施预约托育，请先阅读并同意上面的协议' : '正在计算费用…'}</Text>
        )}
        {placing.failure && (
          <View role='alert'>
            <Text className='infant-care__error'>{placing.failure}</Text>
          </View>
        )}
        <Button
          className='tap button button--primary infant-care__submit'
          disabled={!request || !quote.quote || quote.loading || placing.busy}
          loading={placing.busy}
          onClick={submit}
        >
          {quote.quote ? `确认预约 · ${formatFen(quote.quote.payableFen)}` : '确认预约'}
        </Button>
      </View>
    </View>
  )
}
