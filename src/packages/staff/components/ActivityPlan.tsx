import { Text, View } from '@tarojs/components'
import {
  ACTIVITY_FUNCTIONS,
  ACTIVITY_MAX_DATES,
  type ActivityFunction,
  type StaffActivity,
  activityInputSchema,
  withdrawActivityBodySchema,
} from '@shared/activity'
import { UNBOOKABLE_REASON_NAMES } from '@shared/booking'
import { isCalendarDate } from '@shared/dates'
import { halfWidth } from '@shared/half-width'
import { ageRangeWords } from '@shared/eligibility'
import { type FunctionCode, functionName } from '@shared/functions'
import { useRef, useState } from 'react'
import { fetchStaffActivities, publishActivity, withdrawActivity } from '@/api/activities'
import { Button } from '@/components/Button'
import { ConfirmBox } from '@/components/ConfirmBox'
import { OptionGroup } from '@/components/OptionGroup'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import { roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { addDays, clockOf, dayName, typedDate } from '@/lib/dates'
import { formatFen, yuanToFen } from '@/lib/money'
import { FieldError } from '../facilities/StatusMessage'
import { useSubmit } from '@/hooks/use-submit'
import './staff-controls.scss'

/** What was typed, trimmed, in the half-width digits and marks the contract reads. */
const typed = (text: string): string => halfWidth(text.trim())

/** A number typed in a box: empty is "not given" (null), anything else is read as a number the schema checks. */
const optionalNumber = (text: string): number | null => (typed(text) === '' ? null : Number(typed(text)))

/**
 * 活动: the operator publishes classes, sessions and talks of the facility's functions, on one day or the same weekday
 * for several weeks; residents sign up in the app and are checked in at the desk like any booking. 取消活动 cancels
 * everyone signed up, with the reason they are told.
 */
export function ActivityPlan({ facilityId, functions }: { facilityId: string; functions: readonly FunctionCode[] }) {
  const offered = ACTIVITY_FUNCTIONS.filter((f) => functions.includes(f))
  const activities = useRemote(() => fetchStaffActivities(facilityId), `staff-activities|${facilityId}`)
  const [fn, setFn] = useState<ActivityFunction | undefined>(offered[0])
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [firstDay, setFirstDay] = useState('')
  const [weeks, setWeeks] = useState('1')
  const [starts, setStarts] = useState('')
  const [ends, setEnds] = useState('')
  const [places, setPlaces] = useState('')
  const [price, setPrice] = useState('0')
  const [minAge, setMinAge] = useState('')
  const [maxAge, setMaxAge] = useState('')
  const { busy, message, setMessage, fieldErrors, setFieldErrors, check, run } = useSubmit(activities.reload)
  // Set once published and until anything is typed again: a second tap on the form just published (a double tap
  // landing after the answer) does nothing, and 已发布 stays on the screen.
  const published = useRef(false)
  const edit = (set: (value: string) => void) => (value: string) => {
    published.current = false
    set(value)
  }
  if (offered.length === 0) return null

  const publish = () => {
    if (published.current) return
    const first = typedDate(firstDay) ?? firstDay
    const count = Number(typed(weeks) || '1')
    if (!Number.isInteger(count) || count < 1 || count > ACTIVITY_MAX_DATES) {
      const text = `共几次应为 1 到 ${ACTIVITY_MAX_DATES} 之间的整数`
      setFieldErrors({ weeks: text })
      setMessage({ kind: 'error', text })
      return
    }
    // A day that does not exist (2027-13-45) goes to the contract as typed, which says so at the field.
    const dates = !first ? [] : isCalendarDate(first) ? Array.from({ length: count }, (_, i) => (i === 0 ? first : addDays(first, 7 * i))) : [first]
    return check(
      activityInputSchema.safeParse({
        function: fn,
        title,
        description,
        dates,
        starts: typed(starts),
        ends: typed(ends),
        places: optionalNumber(places) ?? undefined,
        priceFen: typed(price) === '' ? 0 : (yuanToFen(typed(price)) ?? Number.NaN),
        minAge: optionalNumber(minAge),
        maxAge: optionalNumber(maxAge),
      }),
      async (input) => {
        await publishActivity(facilityId, input)
        published.current = true
        setTitle('')
        setDescription('')
      },
      '已发布，居民可以在设施的服务项目里报名',
    )
  }
  const text = message?.text ?? null

  return (
    <View className='card no-print staff-controls' {...roleProps('region')} aria-label='活动'>
      <Text className='section-title'>活动</Text>
      <Text className='muted'>发布课程、讲座、体检、开放活动，居民在小程序报名，到场时凭核销码签到。</Text>
      <OptionGroup
        label='类别'
        options={offered.map((f) => ({ value: f, label: functionName(f) }))}
        value={fn}
        onChange={(value) => {
          published.current = false
          setFn(value)
        }}
      />
      <FieldError text={fieldErrors.function} />
      <TextField label='活动名称' value={title} onChange={edit(setTitle)} maxLength={30} placeholder='例如 少儿书法入门班' error={fieldErrors.title} />
      <TextField label='活动介绍（可不填）' value={description} onChange={edit(setDescription)} maxLength={300} error={fieldErrors.description} />
      <TextField label='第一次的日期' value={firstDay} onChange={edit(setFirstDay)} maxLength={10} placeholder='例如 2027-01-09' error={fieldErrors.dates ?? fieldErrors['dates.0']} />
      <TextField label={`每周同一天，共几次（1–${ACTIVITY_MAX_DATES}）`} type='number' value={weeks} onChange={edit(setWeeks)} maxLength={2} error={fieldErrors.weeks} />
      <View className='staff-controls__row'>
        <TextField label='开始时间' value={starts} onChange={edit(setStarts)} maxLength={5} placeholder='15:00' error={fieldErrors.starts} />
        <TextField label='结束时间' value={ends} onChange={edit(setEnds)} maxLength={5} placeholder='16:30' error={fieldErrors.ends} />
      </View>
      <View className='staff-controls__row'>
        <TextField label='每次名额' type='number' value={places} onChange={edit(setPlaces)} maxLength={3} error={fieldErrors.places} />
        <TextField label='每次费用（元，免费填 0）' value={price} onChange={edit(setPrice)} maxLength={7} error={fieldErrors.priceFen} />
      </View>
      <View className='staff-controls__row'>
        <TextField label='最小年龄（可不填）' type='number' value={minAge} onChange={edit(setMinAge)} maxLength={3} error={fieldErrors.minAge} />
        <TextField label='最大年龄（可不填）' type='number' value={maxAge} onChange={edit(setMaxAge)} maxLength={3} error={fieldErrors.maxAge} />
      </View>
      <Button className='tap button button--primary' disabled={busy} loading={busy} onClick={publish}>
        发布活动
      </Button>
      <StatusLine text={text} />
      <RemoteContent remote={activities} empty={(list) => (list.length === 0 ? <Text className='muted'>还没有发布活动</Text> : null)}>
        {(list) => (
          <View>
            {list.map((a) => (
              <ActivityLine key={a.id} facilityId={facilityId} activity={a} withdraw={run} />
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  )
}

function ActivityLine({
  facilityId,
  activity,
  withdraw,
}: {
  facilityId: string
  activity: StaffActivity
  withdraw: (work: () => Promise<unknown>, done: string) => Promise<boolean>
}) {
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const first = activity.sessions[0]
  const confirm = async () => {
    // The reason is said at its box, next to the button pressed, not at the top of the card.
    const checked = withdrawActivityBodySchema.safeParse({ reason })
    setReasonError(checked.success ? undefined : checked.error.issues[0]?.message)
    if (!checked.success) return
    setBusy(true)
    const done = await withdraw(async () => {
      const { cancelled } = await withdrawActivity(facilityId, activity.id, reason.trim())
      return cancelled
    }, `已取消「${activity.title}」，报名的居民会收到通知`)
    setBusy(false)
    if (done) setConfirming(false)
  }
  return (
    <View className='staff-activity' data-activity={activity.id}>
      <Text className='staff-activity__title'>
        {functionName(activity.function)} · {activity.title}
        {activity.withdrawn ? '（已取消）' : ''}
      </Text>
      <Text className='muted'>
        {ageRangeWords(activity)} · {activity.priceFen === 0 ? '免费' : `${formatFen(activity.priceFen)}/次`} · 共 {activity.sessions.length} 次，已报名 {activity.signedUp} 人次
      </Text>
      {activity.sessions.map((s) => (
        <Text key={s.id} className='staff-activity__day'>
          {dayName(s.date)} {clockOf(s.startsAt)}–{clockOf(s.endsAt)} ·{' '}
          {/* A closed day (withdrawn, or closed on 工作台) has nothing remaining: its places are not taken, and whoever was signed up is cancelled. */}
          {activity.withdrawn ? '已取消' : s.reason === 'closed' ? UNBOOKABLE_REASON_NAMES.closed : `已报 ${s.capacity - s.remaining} / ${s.capacity}`}
        </Text>
      ))}
      {!activity.withdrawn &&
        first &&
        (confirming ? (
          <View>
            <TextField label='取消原因（会告诉报名的居民）' value={reason} onChange={setReason} maxLength={60} error={reasonError} />
            <ConfirmBox
              question={`取消后「${activity.title}」以后的场次都不再开放，已报名的 ${activity.signedUp} 人次会收到通知。确定取消吗？`}
              confirm='确定取消活动'
              decline='先不取消'
              busy={busy}
              onConfirm={confirm}
              onDecline={() => setConfirming(false)}
            />
          </View>
        ) : (
          <Button className='tap button' onClick={() => setConfirming(true)}>
            取消活动
          </Button>
        ))}
    </View>
  )
}
