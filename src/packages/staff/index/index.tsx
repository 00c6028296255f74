import { Text, View } from '@tarojs/components'
import { collectorsLine } from '@/lib/booking-words'
import { FULFILMENT_NAMES, PART_NAMES, STATUS_NAMES } from '@shared/booking'
import type { Roster } from '@shared/staff'
import { FUNCTIONS, type FunctionCode } from '@shared/functions'
import { useState } from 'react'
import { fetchRoster } from '@/api/staff'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { addDays, clockOf, dayLabel, dayName, shanghaiToday } from '@/lib/dates'
import { ACTIVITY_FUNCTIONS } from '@shared/activity'
import { formatFen } from '@/lib/money'
import { CloseDay } from '../components/CloseDay'
import { ActivityPlan } from '../components/ActivityPlan'
import { CarePlan } from '../components/CarePlan'
import { MealPlan } from '../components/MealPlan'
import { SessionControls } from '../components/SessionControls'
import { Suspensions } from '../components/Suspensions'
import { HomeServiceRequests } from '../components/HomeServiceRequests'
import { useStaffFacility } from '../use-staff-facility'
import { Button } from '@/components/Button'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'
// The services booked online (家政便民: the visits accepted for the day), and the functions whose activities are
// signed up for: the roster shows any of them.
const BOOKABLE: FunctionCode[] = ['meal', 'infant_care', 'child_care', 'elderly_care', 'housekeeping', ...ACTIVITY_FUNCTIONS.filter((f) => f !== 'elderly_care')]
const FUNCTION_NAMES = Object.fromEntries(FUNCTIONS.map((f) => [f.code, f.name])) as Record<FunctionCode, string>
// The facility's day, not the tablet's: a tablet set to UTC would otherwise show (and close) yesterday until 08:00.
const today = () => shanghaiToday()

/** 工作台: the day's roster per facility (meals for now), printable for the kitchen and the front desk. */
export default function StaffHomePage() {
  const { facilities, current, pick } = useStaffFacility()
  const [date, setDate] = useState(today())
  const bookable = (current?.functions ?? []).filter((f) => BOOKABLE.includes(f))
  const [picked, setPicked] = useState<FunctionCode>('meal')
  const fn = bookable.includes(picked) ? picked : (bookable[0] ?? 'meal')
  const roster = useRemote(
    () => (current ? fetchRoster(current.id, fn, date) : Promise.resolve(null)),
    `${current?.id ?? ''}|${fn}|${date}`,
  )
  usePullToRefresh(() => Promise.all([facilities.reload(), roster.reload()]))

  const days = [-1, 0, 1, 2].map((offset) => addDays(today(), offset))
  // The roster of the day on screen says whether that day is closed, and why.
  const shown = roster.data?.date === date && roster.data.function === fn && roster.data.facilityId === current?.id ? roster.data : undefined
  const closedSession = shown?.sessions.find((s) => !s.open)
  return (
    <Page title='工作台'>
      <RemoteContent
        remote={facilities}
        empty={(list) =>
          list.length === 0 ? <StateView kind='empty' text='您还没有被授权管理任何设施' hint='请联系区里的系统管理员开通' /> : null
        }
      >
        {(list) => (
          <View className='staff'>
            <View className='card no-print'>
              <Text className='section-title'>设施</Text>
              <OptionGroup
                label='设施'
                options={list.map((f) => ({ value: f.id, label: f.name, sub: f.access === 'operate' ? '运营' : '督导（只读）' }))}
                value={current?.id}
                onChange={pick}
              />
              <Text className='section-title'>服务</Text>
              <OptionGroup
                label='服务'
                options={bookable.map((f) => ({ value: f, label: FUNCTION_NAMES[f] }))}
                value={fn}
                onChange={(v) => setPicked(v as FunctionCode)}
              />
              <Text className='section-title'>日期</Text>
              <OptionGroup
                label='日期'
                options={days.map((d) => ({ value: d, label: dayLabel(d, today()) }))}
                value={date}
                onChange={setDate}
              />
              <View className='staff__actions'>
                {current?.access === 'operate' && (
                  <Button
                    className='tap button button--primary'
                    onClick={() => navigateTo({ url: `/packages/staff/desk/index?facilityId=${encodeURIComponent(current.id)}` })}
                  >
                    核销预约
                  </Button>
                )}
                {current?.access === 'operate' && (
                  <Button
                    className='tap button'
                    onClick={() =>
                      navigateTo({ url: `/packages/meal/order/index?facilityId=${encodeURIComponent(current.id)}&desk=1` })
                    }
                  >
                    代客订餐
                  </Button>
                )}
                {current && (
                  <Button
                    className='tap button'
                    onClick={() => navigateTo({ url: `/packages/staff/cases/index?facilityId=${encodeURIComponent(current.id)}` })}
                  >
                    差评整改
                  </Button>
                )}
                {current?.access === 'oversee' && (
                  <Button className='tap button' onClick={() => navigateTo({ url: '/packages/staff/evaluation/index' })}>
                    运营评估
                  </Button>
                )}
                {current?.access === 'oversee' && (
                  <Button className='tap button' onClick={() => navigateTo({ url: '/packages/staff/facilities/index' })}>
                    设施管理
                  </Button>
                )}
                {isH5 && (
                  <Button className='tap button' onClick={() => window.print()}>
                    打印名单
                  </Button>
                )}
              </View>
            </View>
            <RemoteContent remote={roster}>
              {(data) =>
                data ? <RosterView roster={data} operate={current?.access === 'operate'} onChanged={roster.reload} /> : null
              }
            </RemoteContent>
            {current?.access === 'operate' && (
              <CloseDay
                facilityId={current.id}
                fn={fn}
                serviceName={FUNCTION_NAMES[fn]}
                date={date}
                closedReason={closedSession ? (closedSession.closedReason ?? '') : null}
                onChanged={roster.reload}
              />
            )}
            {current?.access === 'operate' && current.functions.includes('housekeeping') && <HomeServiceRequests facilityId={current.id} />}
            {current?.access === 'operate' && <Suspensions facilityId={current.id} />}
            {current?.access === 'operate' && current.functions.includes('meal') && <MealPlan facilityId={current.id} />}
            {current?.access === 'operate' && <CarePlan facilityId={current.id} functions={current.functions} />}
            {current?.access === 'operate' && <ActivityPlan facilityId={current.id} functions={current.functions} />}
          </View>
        )}
      </RemoteContent>
    </Page>
  )
}

interface RosterViewProps {
  roster: Roster
  /** Operator staff may change capacity; street staff only read. */
  operate: boolean
  onChanged: () => void
}

function RosterView({ roster, operate, onChanged }: RosterViewProps) {
  if (roster.sessions.length === 0) return <StateView kind='empty' text='这一天没有这项服务的场次' />
  return (
    <View className='roster'>
      <Text className='roster__title'>
        {roster.facilityName} · {FUNCTION_NAMES[roster.function]} · {dayName(roster.date)}
      </Text>
      {roster.sessions.map((session) => (
        <View key={session.id} className='card roster__session'>
          <Text className='section-title'>
            {session.activityTitle ? `${session.activityTitle} ${clockOf(session.startsAt)}` : PART_NAMES[session.part]} · 已订 {session.booked} / {session.capacity}
            {session.open ? '' : `（已停业：${session.closedReason ?? ''}）`}
          </Text>
          {operate && session.open && (
            <SessionControls facilityId={roster.facilityId} sessionId={session.id} capacity={session.capacity} onChanged={onChanged} />
          )}
          {/* Portions are counted for meals only: whether anyone booked is told by the entries listed below. */}
          <View className='roster__counts'>
            {session.entries.length === 0 && <Text className='muted'>还没有预约</Text>}
            {session.counts.map((c) => (
              <Text key={`${c.setName}-${c.fulfilment}`} className='roster__count'>
                {c.setName} · {FULFILMENT_NAMES[c.fulfilment]}：{c.portions} 份
              </Text>
            ))}
          </View>
          {session.entries.map((e) => (
            <View key={e.id} className='roster__entry' data-booking={e.id}>
              <Text className='roster__who'>
                {e.beneficiaryName}
                {e.age !== null ? `（${e.age} 岁）` : ''} × {e.quantity}
              </Text>
              <Text>
                {e.setName ? `${e.setName} · ` : ''}
                {/* No check-in code here: the list is printed and left on the counter, and a code is what proves a booking. */}
                {e.fulfilment ? `${FULFILMENT_NAMES[e.fulfilment]} · ` : ''}应收 {formatFen(e.payableFen)} · {STATUS_NAMES[e.status]}
              </Text>
              {e.deliveryAddress && <Text>送餐地址：{e.deliveryAddress}</Text>}
              {e.dietNotes && <Text className='roster__diet'>饮食禁忌：{e.dietNotes}</Text>}
              {e.className && <Text>班级：{e.className}</Text>}
              {e.allergies && <Text className='roster__diet'>过敏：{e.allergies}</Text>}
              {e.collectors && e.collectors.length > 0 && <Text>接送人：{collectorsLine(e.collectors)}</Text>}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
