import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Booking, Session, SessionList } from '@shared/booking'
import { FULFILMENT_NAMES, FULFILMENTS, PART_NAMES, UNBOOKABLE_REASON_NAMES, payWhere } from '@shared/booking-names'
import type { FamilyMember } from '@shared/member'
import { useEffect, useMemo, useRef, useState } from 'react'
import { fetchSessions } from '@/api/booking'
import { fetchNoticeTemplates } from '@/api/notice-templates'
import { spacedCode } from '@/components/BookingCard'
import { HeldBookingLink } from '@/components/HeldBookingLink'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { QuoteBox } from '@/components/QuoteBox'
import { QuoteFailure } from '@/components/QuoteFailure'
import { RemoteContent } from '@/components/RemoteContent'
import { NotOpenHere } from '@/components/NotOpenHere'
import { Stepper } from '@/components/Stepper'
import { TextField } from '@/components/TextField'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { clockOf, dayLabel } from '@/lib/dates'
import { formatFen } from '@/lib/money'
import { pickDeliveryPlace } from './delivery-position'
import { type OrderChannel, orderChannel } from './order-channel'
import { SELF, useMealChoice } from './use-meal-choice'
import { usePlaceBooking } from '@/hooks/use-place-booking'
import { useQuote } from '@/hooks/use-quote'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { FailureNote } from '@/components/FailureNote'
import { navigateTo } from '@/lib/navigate'
import { bookingDetailUrl } from '@/lib/booking-pages'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'
const PLACE_LABEL = isWeapp
  ? { first: '选择送餐位置', again: '重新选择位置' }
  : { first: '用我现在的位置作为送餐位置', again: '重新定位' }

export default function MealOrderPage() {
  const { facilityId = '', desk } = useRouter().params
  const channel = useMemo(() => orderChannel(facilityId, desk === '1'), [facilityId, desk])
  const sessions = useRemote(() => fetchSessions(facilityId, 'meal'), facilityId)
  const members = useRemote(channel.people, `people|${facilityId}|${desk ?? ''}`)
  useReloadOnReturn(members.reload)
  usePullToRefresh(() => Promise.all([sessions.reload(), members.reload()]))

  return (
    <Page title='社区助餐 · 订餐'>
      <RemoteContent
        remote={sessions}
        loadingText='正在查询菜单…'
        empty={(list) =>
          list.sessions.length === 0 ? (
            <NotOpenHere facilityId={facilityId} service='meal' text='这个设施近期没有可预约的餐次' />
          ) : null
        }
      >
        {(list) => <MealOrderForm list={list} members={members.data} channel={channel} onStale={sessions.reload} />}
      </RemoteContent>
    </Page>
  )
}

interface MealOrderFormProps {
  list: SessionList
  members: FamilyMember[] | undefined
  channel: OrderChannel
  onStale: () => Promise<void>
}

function MealOrderForm({ list, members, channel, onStale }: MealOrderFormProps) {
  const order = useMealChoice(list, members, { self: !channel.desk })
  const { choice, request } = order
  const quote = useQuote(request, channel.quote)
  const [placedAtDesk, setPlacedAtDesk] = useState<Booking | null>(null)
  const [placeNote, setPlaceNote] = useState<string | null>(null)
  const templates = useRef<string[]>([])
  useEffect(() => {
    if (isWeapp) void fetchNoticeTemplates().then((ids) => (templates.current = ids)).catch(() => undefined)
  }, [])
  const placing = usePlaceBooking(channel.place, onStale)

  const days = [...new Set(list.sessions.map((s) => s.date))]
  const dayOptions: Option<string>[] = days.map((date) => {
    const ofDay = list.sessions.filter((s) => s.date === date)
    const open = ofDay.some((s) => s.bookable)
    const reason = ofDay.find((s) => s.reason)?.reason
    const sub = open ? undefined : reason ? UNBOOKABLE_REASON_NAMES[reason] : '不可预约'
    return { value: date, label: dayLabel(date, list.today), disabled: !open, sub }
  })
  const sessionOptions: Option<string>[] = list.sessions
    .filter((s) => s.date === choice.date)
    .map((s) => ({ value: s.id, label: PART_NAMES[s.part], sub: sessionSub(s), disabled: !s.bookable }))
  const setOptions: Option<string>[] = (choice.session?.sets ?? []).map((set) => ({
    value: set.id,
    label: `${set.name}　${formatFen(set.priceFen)}`,
    sub: [set.dishes.join('、'), set.tags.length ? `【${set.tags.join(' · ')}】` : ''].filter(Boolean).join(' '),
  }))
  const personOptions: Option<string>[] = [
    ...(members ?? []).map((m) => ({ value: m.id, label: m.name, sub: channel.desk ? (m.birthDate ?? '') : m.relation })),
    // The desk always orders for a registered resident; a resident may order for themself.
    ...(channel.desk ? [] : [{ value: SELF, label: '本人（未登记）', sub: '不计补贴' }]),
  ]
  const fee = list.meal?.deliveryFeeFen ?? 0
  const fulfilmentOptions: Option<(typeof FULFILMENTS)[number]>[] = FULFILMENTS.map((f) => ({
    value: f,
    label: FULFILMENT_NAMES[f],
    sub:
      f === 'delivery'
        ? `加收 ${formatFen(fee)}，限 ${list.meal?.deliveryMinAge ?? 80} 岁以上或行动不便`
        : f === 'pickup'
          ? '到设施取走'
          : '在设施用餐',
  }))

  const choosePlace = async () => {
    const place = await pickDeliveryPlace()
    if (!place.ok) {
      setPlaceNote(place.message)
      return
    }
    setPlaceNote(null)
    order.pickDelivery({
      address: choice.delivery.address || place.address || '',
      position: { lat: place.lat, lng: place.lng },
    })
  }

  const submit = async () => {
    if (!request || !quote.quote) return
    // WeChat asks for subscriptions only from the tap itself, before anything else is awaited.
    if (isWeapp && templates.current.length) {
      // Taro's AtLeastOne<tmplIds | entityIds> type insists on entityIds (Alipay's); WeChat takes tmplIds alone.
      const option = { tmplIds: templates.current } as Taro.requestSubscribeMessage.Option
      await Taro.requestSubscribeMessage(option).catch(() => undefined)
    }
    const booking = await placing.submit(request, quote.quote.payableFen)
    if (!booking) return
    if (channel.desk) {
      // The resident has no phone to show a QR: the desk reads the code out or writes it on the meal ticket.
      setPlacedAtDesk(booking)
      void onStale()
    } else {
      await Taro.redirectTo({ url: bookingDetailUrl(booking.id, 'placed') })
    }
  }

  return (
    <View className='meal-order'>
      {channel.desk && (
        <View className='card meal-order__desk' {...roleProps('status')}>
          <Text>{placedAtDesk ? `已为 ${placedAtDesk.beneficiaryName} 预约，核销码 ${spacedCode(placedAtDesk.code)}，请告知居民` : '设施代订：为没有智能手机的居民预约'}</Text>
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>1. 选日期</Text>
        <OptionGroup label='日期' options={dayOptions} value={choice.date} onChange={order.pickDate} />
      </View>

      <View className='card'>
        <Text className='section-title'>2. 选餐次</Text>
        <OptionGroup label='餐次' options={sessionOptions} value={choice.session?.id} onChange={order.pickSession} />
      </View>

      {choice.session?.bookable && (
        <>
          <View className='card'>
            <Text className='section-title'>3. 选套餐</Text>
            <OptionGroup label='套餐' vertical options={setOptions} value={choice.set?.id} onChange={order.pickSet} />
          </View>

          <View className='card'>
            <Text className='section-title'>4. 为谁订餐</Text>
            <OptionGroup label='为谁订餐' options={personOptions} value={choice.person} onChange={order.pickPerson} />
            <Button
              className='tap button meal-order__add-member'
              onClick={() => navigateTo({ url: channel.addPersonUrl })}
            >
              {channel.desk ? '＋ 登记来订餐的居民' : '＋ 添加家人或本人信息'}
            </Button>
            {choice.member?.dietNotes && <Text className='muted'>饮食禁忌：{choice.member.dietNotes}</Text>}
          </View>

          <View className='card'>
            <Text className='section-title'>5. 用餐方式</Text>
            <OptionGroup
              label='用餐方式'
              vertical
              options={fulfilmentOptions}
              value={choice.fulfilment}
              onChange={order.pickFulfilment}
            />
            {choice.fulfilment === 'delivery' && (
              <View className='meal-order__delivery'>
                <TextField
                  label='送餐地址'
                  value={choice.delivery.address}
                  onChange={(address) => order.pickDelivery({ ...choice.delivery, address })}
                  maxLength={100}
                  placeholder='小区、楼号、单元、门牌'
                />
                {/* WeChat picks the place on a map; a browser only knows where this phone is, and says so. */}
                <Button className='tap button' onClick={choosePlace}>
                  {choice.delivery.position ? `✓ 已定位，${PLACE_LABEL.again}` : PLACE_LABEL.first}
                </Button>
                {!isWeapp && <Text className='muted'>浏览器只能取这台手机现在的位置：请在送餐地址处操作，或用微信小程序在地图上选</Text>}
                {placeNote && <Text className='muted'>{placeNote}</Text>}
              </View>
            )}
          </View>

          <View className='card'>
            <Text className='section-title'>6. 份数</Text>
            <Stepper
              label='份数'
              value={choice.quantity}
              min={1}
              max={choice.session.maxUnits}
              unit='份'
              onChange={order.pickQuantity}
            />
          </View>
        </>
      )}

      <View className='card meal-order__summary' aria-live='polite'>
        {!choice.session?.bookable ? (
          <Text>这一餐{choice.session?.reason ? UNBOOKABLE_REASON_NAMES[choice.session.reason] : '不可预约'}，请换一个日期或餐次</Text>
        ) : quote.error ? (
          <QuoteFailure quote={quote} textClass='meal-order__error' />
        ) : quote.quote ? (
          <QuoteBox quote={quote.quote} />
        ) : (
          <Text className='muted'>
            {!choice.person
              ? '请先登记来订餐的居民，再计算价格'
              : choice.fulfilment === 'delivery' && !request
                ? '请填写送餐地址并选择位置'
                : '正在计算价格…'}
          </Text>
        )}
        <FailureNote text={placing.failure} onRetry={submit} textClass='meal-order__error' />
        {/* The desk reads the refusal out; the booking is the resident's, not the desk's to open. */}
        {!channel.desk && <HeldBookingLink bookingId={placing.held ?? quote.heldBookingId} />}
        <Button
          className='tap button button--primary meal-order__submit'
          disabled={!request || !quote.quote || quote.loading || placing.busy}
          loading={placing.busy}
          onClick={submit}
        >
          {placing.busy ? '正在预约…' : quote.quote ? `确认预约 · ${payWhere(quote.quote)} ${formatFen(quote.quote.payableFen)}` : '确认预约'}
        </Button>
        {choice.session?.bookable && (
          <Text className='muted'>
            {clockOf(choice.session.cutoffAt)} 前可订，{clockOf(choice.session.cancelUntil)} 前可取消；{quote.quote?.payAt === 'delivery' ? '付款在送餐上门时进行' : '付款在取餐时进行'}
          </Text>
        )}
      </View>
    </View>
  )
}

function sessionSub(session: Session): string {
  if (!session.bookable) {
    return session.reason ? UNBOOKABLE_REASON_NAMES[session.reason] : '不可预约'
  }
  return `剩 ${session.remaining} 份 · ${clockOf(session.cutoffAt)} 截止`
}
