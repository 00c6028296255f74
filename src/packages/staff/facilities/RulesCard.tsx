import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { AdminFacility } from '@shared/admin'
import {
  CALENDAR_KIND_NAMES,
  type CalendarDay,
  type DistrictRules,
  calendarImportResultSchema,
  calendarYearSchema,
  noShowRuleSchema,
  ratingRulesSchema,
  subsidyTiersSchema,
} from '@shared/rules'
import { useState } from 'react'
import { fetchRules, saveCalendarYear, saveNoShowRule, saveRatingRules, saveSubsidyTiers } from '@/api/admin'
import { TextField } from '@/components/TextField'
import { useRemote } from '@/hooks/use-remote'
import { BookingRulesCard } from './BookingRulesCard'
import { EvaluationRulesForm } from './EvaluationRulesForm'
import { SheetCard, counted } from './SheetCard'
import { StatusMessage } from './StatusMessage'
import { type Message, useSubmit } from '@/hooks/use-submit'

/**
 * The rules as data: each facility's booking rules for whoever the server lets change them (a street office its own),
 * and the district's rules — rating, no-shows, subsidies, evaluation, holidays — for district staff only.
 */
export function RulesCard({ facilities, onChanged }: { facilities: AdminFacility[]; onChanged: () => Promise<unknown> }) {
  const rules = useRemote(fetchRules, 'admin-rules')
  // Kept here: a form starts afresh from what was saved, the message of the save stays.
  const shared = useState<Message>(null)
  const evaluationShared = useState<Message>(null)
  if (!rules.data) return null
  // Each form starts afresh only when what it shows was saved: a booking rule saved elsewhere keeps what is typed here.
  const { booking: _booking, bookingUnset: _unset, evaluation, canEdit, ...district } = rules.data
  const onSaved = async () => Promise.all([rules.reload(), onChanged()])
  return (
    <>
      <BookingRulesCard rules={rules.data} facilities={facilities} onSaved={onSaved} />
      {/* Street offices read the district's rules elsewhere (运营评估); only district staff, whose changes count, edit them here. */}
      {canEdit && (
        <>
          <RulesForm key={JSON.stringify(district)} rules={rules.data} shared={shared} onSaved={onSaved} />
          <EvaluationRulesForm key={JSON.stringify(evaluation)} rules={rules.data} shared={evaluationShared} onSaved={onSaved} />
          <SheetCard
            title='节假日与调休（Excel）'
            hint='按国务院每年公布的放假安排填写；表格中出现的年份整年以表格为准，再次导入同一张表不会重复。'
            base='/admin/calendar'
            fileName='节假日与调休'
            labels={['下载节假日表', '下载节假日空白模板', '导入节假日表']}
            result={calendarImportResultSchema}
            describe={(done) =>
              `已导入 ${done.years.join('、')} 年：${counted([
                [done.created, (l) => `新增 ${l.length} 天`],
                [done.updated, (l) => `修改 ${l.length} 天`],
                [done.removed, (l) => `删去 ${l.length} 天`],
                [done.unchanged, (l) => `${l.length} 天没有变化`],
              ])}`
            }
            onImported={onSaved}
          />
        </>
      )}
    </>
  )
}

interface RulesFormProps {
  rules: DistrictRules
  shared: [Message, (message: Message) => void]
  onSaved: () => Promise<unknown>
}

function RulesForm({ rules, shared, onSaved }: RulesFormProps) {
  const meal = rules.noShow.find((r) => r.function === 'meal')
  const [rating, setRating] = useState({ windowDays: String(rules.rating.windowDays), rectificationWorkingDays: String(rules.rating.rectificationWorkingDays) })
  const [noShow, setNoShow] = useState({ maxNoShows: String(meal?.maxNoShows ?? 3), windowDays: String(meal?.windowDays ?? 30), suspendDays: String(meal?.suspendDays ?? 7) })
  const [amounts, setAmounts] = useState(rules.subsidyTiers.map((t) => (t.amountFen / 100).toString()))
  const years = [...new Set(rules.calendar.map((d) => d.date.slice(0, 4)))].sort()
  const [year, setYear] = useState(years[years.length - 1] ?? '')
  const [calendarText, setCalendarText] = useState(() => textOf(rules.calendar, year))
  // The contract's own schemas check the form before anything is sent.
  const { busy, message, setMessage, check } = useSubmit(onSaved, shared)
  const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

  return (
    <View className='card admin__rules'>
      <Text className='section-title'>区级规则</Text>
      <Text className='muted'>由区级工作人员修改，保存后立即生效，并记入修改记录。</Text>

      <Text className='section-title'>评价与整改</Text>
      <TextField label='服务后几天内可评价' value={rating.windowDays} onChange={(v) => setRating({ ...rating, windowDays: v })} type='number' maxLength={3} />
      <TextField label='差评整改期限（工作日）' value={rating.rectificationWorkingDays} onChange={(v) => setRating({ ...rating, rectificationWorkingDays: v })} type='number' maxLength={2} />
      <Button className='tap button' disabled={busy} onClick={() => check(ratingRulesSchema.safeParse({ windowDays: num(rating.windowDays), rectificationWorkingDays: num(rating.rectificationWorkingDays) }), saveRatingRules, '评价规则已保存')}>
        保存评价规则
      </Button>

      <Text className='section-title'>助餐未到场</Text>
      <TextField label='未到场几次暂停预约' value={noShow.maxNoShows} onChange={(v) => setNoShow({ ...noShow, maxNoShows: v })} type='number' maxLength={2} />
      <TextField label='统计最近几天' value={noShow.windowDays} onChange={(v) => setNoShow({ ...noShow, windowDays: v })} type='number' maxLength={3} />
      <TextField label='暂停几天' value={noShow.suspendDays} onChange={(v) => setNoShow({ ...noShow, suspendDays: v })} type='number' maxLength={3} />
      <Button
        className='tap button'
        disabled={busy}
        onClick={() => check(noShowRuleSchema.safeParse({ maxNoShows: num(noShow.maxNoShows), windowDays: num(noShow.windowDays), suspendDays: num(noShow.suspendDays) }), (rule) => saveNoShowRule('meal', rule), '未到场规则已保存')}
      >
        保存未到场规则
      </Button>

      <Text className='section-title'>助餐补贴（元/餐）</Text>
      {rules.subsidyTiers.map((tier, i) => (
        <TextField key={tier.id} label={tier.name} value={amounts[i]} onChange={(v) => setAmounts(amounts.map((a, j) => (j === i ? v : a)))} maxLength={6} />
      ))}
      <Button
        className='tap button'
        disabled={busy}
        onClick={() =>
          check(
            subsidyTiersSchema.safeParse({ tiers: rules.subsidyTiers.map((t, i) => ({ ...t, amountFen: Math.round(num(amounts[i]) * 100) })) }),
            (body) => saveSubsidyTiers(body.tiers),
            '补贴标准已保存：此后的订餐按新标准计算',
          )
        }
      >
        保存补贴标准
      </Button>

      <Text className='section-title'>节假日与调休（{year} 年）</Text>
      <TextField
        label='年份'
        value={year}
        onChange={(v) => {
          setYear(v)
          setCalendarText(textOf(rules.calendar, v))
        }}
        type='number'
        maxLength={4}
      />
      <TextField label='日期 放假或调休上班 名称（用；分隔）' value={calendarText} onChange={setCalendarText} maxLength={4000} hint='例如 2027-02-06 放假 春节；2027-02-20 调休上班 春节调休（用；分隔）' />
      <Button
        className='tap button'
        disabled={busy}
        onClick={() => {
          const days = parseDays(calendarText)
          if ('problem' in days) return setMessage({ kind: 'error', text: days.problem })
          return check(calendarYearSchema.safeParse({ days: days.days }), (body) => saveCalendarYear(year, body.days), `${year} 年节假日已保存`)
        }}
      >
        保存 {year} 年节假日
      </Button>
      <StatusMessage message={message} />
    </View>
  )
}

const textOf = (calendar: CalendarDay[], year: string) =>
  calendar
    .filter((d) => d.date.startsWith(`${year}-`))
    .map((d) => `${d.date} ${CALENDAR_KIND_NAMES[d.kind]} ${d.name}`)
    .join('；')

/** 「2027-02-06 放假 春节；2027-02-20 调休上班 春节调休」 → days, or the entry it could not read. */
function parseDays(text: string): { days: CalendarDay[] } | { problem: string } {
  const days: CalendarDay[] = []
  for (const entry of text.split(/[；;\n]+/).map((e) => e.trim()).filter(Boolean)) {
    const [date, kindName, ...name] = entry.split(/\s+/)
    const kind = (Object.keys(CALENDAR_KIND_NAMES) as CalendarDay['kind'][]).find((k) => CALENDAR_KIND_NAMES[k] === kindName)
    if (!date || !kind || name.length === 0) return { problem: `「${entry}」应写成 2027-02-06 放假 春节` }
    days.push({ date, kind, name: name.join(' ') })
  }
  return { days }
}
