import { Text, View } from '@tarojs/components'
import { INFANT_CLASSES } from '@shared/care'
import type { FunctionCode } from '@shared/functions'
import { CARE_SCHEDULES, type CareSchedule, type CareScheduleBody, type CareScheduleCode, type CareSchedules, WEEKDAY_NAMES } from '@shared/schedule'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchCareSchedules, saveCareSchedule } from '@/api/staff'
import { Button } from '@/components/Button'
import { OptionGroup } from '@/components/OptionGroup'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { SwitchRow } from '@/components/SwitchRow'
import { TextField } from '@/components/TextField'
import { roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { addDays, dayName } from '@/lib/dates'
import { yuanToFen } from '@/lib/money'
import { InfantRatesForm } from './InfantRatesForm'
import './staff-controls.scss'

type Saved = CareSchedules['schedules'][number]

/**
 * 服务排期: the weekly schedules the care services are published from, N weeks ahead, as 每周菜单 is for meals. The
 * server publishes on save and every hour; a day already published keeps its hours, places and price.
 */
export function CarePlan({ facilityId, functions }: { facilityId: string; functions: readonly FunctionCode[] }) {
  const offered = CARE_SCHEDULES.filter((s) => functions.includes(s.function))
  const schedules = useRemote(() => fetchCareSchedules(facilityId), facilityId)
  const [code, setCode] = useState<CareScheduleCode | undefined>(offered[0]?.code)
  // Kept here: the form starts afresh from what was saved, the message of the save stays.
  const [message, setMessage] = useState<string | null>(null)
  const kind = offered.find((s) => s.code === code) ?? offered[0]
  if (!kind) return null
  return (
    <View className='card no-print staff-controls' {...roleProps('region')} aria-label='服务排期'>
      <Text className='section-title'>服务排期</Text>
      <OptionGroup
        label='服务'
        options={offered.map((s) => ({ value: s.code, label: s.name }))}
        value={kind.code}
        onChange={(next) => {
          setCode(next)
          setMessage(null)
        }}
      />
      <RemoteContent remote={schedules}>
        {(list) => {
          const saved = list.find((s) => s.code === kind.code)
          return (
            <ScheduleForm
              key={`${kind.code}-${JSON.stringify(saved)}`}
              kind={kind}
              saved={saved}
              setMessage={setMessage}
              onSave={async (body) => {
                await saveCareSchedule(facilityId, kind.code, body)
                await schedules.reload()
              }}
            />
          )
        }}
      </RemoteContent>
      <StatusLine text={message} />
      {kind.code === 'infant_care' && <InfantRatesForm facilityId={facilityId} />}
    </View>
  )
}

interface DayDraft {
  open: boolean
  starts: string
  ends: string
  capacity: string
  price: string
  classes: { classCode: string; capacity: string; price: string }[]
}

const yuan = (fen: number | undefined) => (fen === undefined ? '' : String(fen / 100))
/** Yuan as typed to fen; what is not a number is sent as it is, for the server to name the field. */
const fen = (text: string) => (text.trim() === '' ? Number.NaN : Math.round(Number(text) * 100))
const whole = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

function draftsOf(kind: CareSchedule, saved: Saved | undefined): DayDraft[] {
  const defaults = kind.overnight ? { starts: '18:00', ends: '08:00' } : kind.part === 'afternoon' ? { starts: '16:30', ends: '19:00' } : { starts: '08:30', ends: '17:00' }
  return WEEKDAY_NAMES.map((_, weekday) => {
    const day = saved?.days.find((d) => d.weekday === weekday)
    return {
      open: day !== undefined,
      starts: day?.starts ?? defaults.starts,
      ends: day?.ends ?? defaults.ends,
      capacity: String(day?.capacity ?? ''),
      price: yuan(day?.priceFen),
      classes: INFANT_CLASSES.map((c) => {
        const set = day?.classes?.find((k) => k.classCode === c.code)
        return { classCode: c.code, capacity: String(set?.capacity ?? ''), price: yuan(set?.priceFen) }
      }),
    }
  })
}

function bodyOf(kind: CareSchedule, weeksAhead: string, drafts: DayDraft[]): CareScheduleBody {
  const byClass = kind.code === 'infant_care'
  return {
    weeksAhead: whole(weeksAhead),
    days: drafts.flatMap((d, weekday) => {
      if (!d.open) return []
      const classes = d.classes.filter((c) => c.capacity.trim() !== '').map((c) => ({ classCode: c.classCode, capacity: whole(c.capacity), priceFen: fen(c.price) }))
      return [
        {
          weekday,
          starts: d.starts,
          ends: d.ends,
          // 托育: the server counts the places and the day's price from the classes.
          capacity: byClass ? classes.reduce((sum, c) => sum + (c.capacity || 0), 0) : whole(d.capacity),
          priceFen: byClass ? 0 : fen(d.price),
          ...(byClass ? { classes } : {}),
        },
      ]
    }),
  }
}

interface ScheduleFormProps {
  kind: CareSchedule
  saved: Saved | undefined
  setMessage: (message: string | null) => void
  onSave: (body: CareScheduleBody) => Promise<void>
}

function ScheduleForm({ kind, saved, setMessage, onSave }: ScheduleFormProps) {
  const [weeksAhead, setWeeksAhead] = useState(String(saved?.weeksAhead ?? 4))
  const [drafts, setDrafts] = useState(() => draftsOf(kind, saved))
  const [weekday, setWeekday] = useState('0')
  const [saving, setSaving] = useState(false)
  const day = drafts[Number(weekday)]
  const edit = (change: Partial<DayDraft>) => setDrafts((all) => all.map((d, i) => (i === Number(weekday) ? { ...d, ...change } : d)))
  const editClass = (classCode: string, change: { capacity?: string; price?: string }) =>
    edit({ classes: day.classes.map((c) => (c.classCode === classCode ? { ...c, ...change } : c)) })
  const { unit } = kind

  const save = async () => {
    setMessage(null)
    const badPrice = drafts.findIndex((d) => d.open && (kind.code === 'infant_care' ? d.classes.some((c) => c.capacity.trim() !== '' && yuanToFen(c.price) === null) : yuanToFen(d.price) === null))
    const badPlaces = drafts.findIndex((d) => d.open && kind.code !== 'infant_care' && !/^\d{1,5}$/.test(d.capacity.trim()))
    if (badPlaces >= 0) {
      setMessage(`请填写${WEEKDAY_NAMES[badPlaces]}的${kind.overnight ? '床位' : '名额'}（整数）`)
      setWeekday(String(badPlaces))
      return
    }
    if (badPrice >= 0) {
      setMessage(`${WEEKDAY_NAMES[badPrice]}的价格应为数字，最多两位小数（例如 32.5）`)
      setWeekday(String(badPrice))
      return
    }
    setSaving(true)
    try {
      await onSave(bodyOf(kind, weeksAhead, drafts))
      setMessage(`已保存${kind.name}排期，并发布了未来 ${whole(weeksAhead)} 周`)
    } catch (err) {
      // The drafts stay as typed: nothing is lost when the server refuses a field.
      setMessage(cleanError(err))
    } finally {
      setSaving(false)
    }
  }

  const published = saved?.publishedThrough
  return (
    <View className='staff-controls'>
      <Text className='muted'>
        {published
          ? `已发布到 ${dayName(published)}。修改从 ${dayName(addDays(published, 1))} 起生效，已发布的日子不变。`
          : '还没有发布：填写后保存，即按此排期发布。'}
        {kind.days === 'school_days' ? '只在上学日开放（按教育部门校历）。' : kind.days === 'school_breaks' ? '只在学校放假期间开放。' : ''}
      </Text>
      <TextField label='提前发布（周）' type='number' value={weeksAhead} onChange={setWeeksAhead} maxLength={2} />
      <OptionGroup
        label='星期'
        options={WEEKDAY_NAMES.map((w, i) => ({ value: String(i), label: w, sub: drafts[i].open ? '开放' : '不开放' }))}
        value={weekday}
        onChange={setWeekday}
      />
      <SwitchRow label={`${WEEKDAY_NAMES[Number(weekday)]}开放`} checked={day.open} onChange={(open) => edit({ open })} />
      {day.open && (
        <Button
          className='tap button'
          onClick={() => {
            // One week, one setting: what is set for this day goes to every open day (a class price is the class's).
            setDrafts((all) => all.map((d) => (d.open ? { ...day, open: true } : d)))
            setMessage(`已把${WEEKDAY_NAMES[Number(weekday)]}的时间、名额和价格用到所有开放日，保存后生效`)
          }}
        >
          把{WEEKDAY_NAMES[Number(weekday)]}的设置用到所有开放日
        </Button>
      )}
      {day.open && (
        <View className='staff-controls'>
          <View className='staff-controls__row'>
            <TextField label='开始' value={day.starts} onChange={(starts) => edit({ starts })} maxLength={5} />
            <TextField label={kind.overnight ? '次日结束' : '结束'} value={day.ends} onChange={(ends) => edit({ ends })} maxLength={5} />
          </View>
          {kind.code === 'infant_care' ? (
            INFANT_CLASSES.map((c) => {
              const set = day.classes.find((k) => k.classCode === c.code)
              return (
                <View key={c.code} className='staff-controls__row'>
                  <TextField label={`${c.name}名额（最多 ${c.maxChildren}）`} type='number' value={set?.capacity ?? ''} onChange={(capacity) => editClass(c.code, { capacity })} maxLength={3} />
                  <TextField label={`${c.name}价格（元/天）`} value={set?.price ?? ''} onChange={(price) => editClass(c.code, { price })} maxLength={8} />
                </View>
              )
            })
          ) : (
            <View className='staff-controls__row'>
              <TextField label={kind.overnight ? '床位' : '名额'} type='number' value={day.capacity} onChange={(capacity) => edit({ capacity })} maxLength={5} />
              <TextField label={`价格（${unit}）`} value={day.price} onChange={(price) => edit({ price })} maxLength={8} />
            </View>
          )}
        </View>
      )}
      <Button className='tap button button--primary' onClick={save} disabled={saving}>
        {saving ? '正在保存…' : `保存并发布${kind.name}排期`}
      </Button>
    </View>
  )
}
