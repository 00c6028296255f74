import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import type { AdminFacility } from '@shared/admin'
import { type FunctionCode, functionName } from '@shared/functions'
import { type BookingRule, type DistrictRulesView, bookingRuleSchema } from '@shared/rules'
import { useState } from 'react'
import { saveBookingRule } from '@/api/admin'
import { type NumberFieldSpec, NumberFields, beforeStart, inWords, numbersOf, textsOf } from './NumberFields'
import { StatusMessage } from './StatusMessage'
import { type Message, useSubmit } from '@/hooks/use-submit'

const FIELDS: readonly NumberFieldSpec<keyof BookingRule>[] = [
  { key: 'horizonDays', label: '提前几天可约', maxLength: 2, hint: '例如 7：今天起 7 天内的场次可以预约' },
  { key: 'cutoffMinutes', label: '截止时间（开始前几分钟停止预约）', maxLength: 5, hint: beforeStart },
  { key: 'cancelMinutes', label: '取消截止（开始前几分钟起不能取消）', maxLength: 5, hint: beforeStart },
  { key: 'reminderMinutes', label: '提醒时间（开始前几分钟提醒居民）', maxLength: 5, hint: beforeStart },
  { key: 'maxUnits', label: '每单最多几份', maxLength: 2 },
  { key: 'maxUnitsPerAccount', label: '每个账号每场最多几份', maxLength: 2, hint: '应不少于每单最多几份' },
  { key: 'maxRunDays', label: '连续预约最多几天', maxLength: 2, optional: true, hint: '可空：空着即不能一次预约连续多天' },
]

type Target = { facilityId: string; function: FunctionCode }
const keyOf = (r: Target) => `${r.facilityId}|${r.function}`
const BLANK = Object.fromEntries(FIELDS.map((f) => [f.key, null])) as Record<keyof BookingRule, null>

/**
 * 预约规则: each facility's rule per function (how far ahead, until when, how many). A street office changes its own
 * facilities' rules, the district any: the server says which (`canEdit`), and only those are offered — with the
 * bookable functions that have none yet (a new facility's), started from another facility's rule for the same service.
 */
export function BookingRulesCard({ rules, facilities, onSaved }: { rules: DistrictRulesView; facilities: AdminFacility[]; onSaved: () => Promise<unknown> }) {
  const [editing, setEditing] = useState<string | null>(null)
  // Kept here: the saved form closes, its message stays.
  const shared = useState<Message>(null)
  const editable = rules.booking.filter((r) => r.canEdit)
  if (editable.length === 0 && rules.bookingUnset.length === 0) return null
  const nameOf = (id: string) => (facilities.find((f) => f.id === id)?.name ?? id).replace(/嵌入式服务设施$/, '')
  const titleOf = (r: Target) => `${nameOf(r.facilityId)} · ${functionName(r.function)}`
  const open = (r: Target) => {
    shared[1](null)
    setEditing(keyOf(r))
  }
  const form = (r: Target, start: Record<keyof BookingRule, number | null>) => (
    <BookingRuleForm key={keyOf(r)} title={titleOf(r)} target={r} start={start} shared={shared} onDone={() => setEditing(null)} onSaved={onSaved} />
  )
  return (
    <View className='card admin__rules admin__booking'>
      <Text className='section-title'>预约规则</Text>
      <Text className='muted'>每个设施、每项服务各有一条；保存后新的预约立即按新规则办理，已有的预约不变。</Text>
      {rules.bookingUnset.map((r) =>
        editing === keyOf(r) ? (
          form(r, rules.booking.find((b) => b.function === r.function) ?? BLANK)
        ) : (
          <View key={keyOf(r)} className='admin__entry'>
            <Text className='admin__line'>{titleOf(r)}</Text>
            <Text className='admin__line muted'>还没有预约规则：设置之前居民不能预约这项服务</Text>
            <Button className='tap button' onClick={() => open(r)}>设置 {titleOf(r)} 的预约规则</Button>
          </View>
        ),
      )}
      {editable.map((r) =>
        editing === keyOf(r) ? (
          form(r, r)
        ) : (
          <View key={keyOf(r)} className='admin__entry'>
            <Text className='admin__line'>{titleOf(r)}</Text>
            <Text className='admin__line muted'>
              提前 {r.horizonDays} 天可约 · 开始前 {inWords(r.cutoffMinutes)}截止 · 开始前 {inWords(r.cancelMinutes)}起不能取消 · 每单最多 {r.maxUnits} 份
            </Text>
            <Button className='tap button' onClick={() => open(r)}>修改 {titleOf(r)} 的预约规则</Button>
          </View>
        ),
      )}
      {editing === null && <StatusMessage message={shared[0]} />}
    </View>
  )
}

interface BookingRuleFormProps {
  title: string
  target: Target
  /** What the boxes start with: the rule as it is, or a suggestion. */
  start: Record<keyof BookingRule, number | null>
  shared: [Message, (message: Message) => void]
  onDone: () => void
  onSaved: () => Promise<unknown>
}

function BookingRuleForm({ title, target, start, shared, onDone, onSaved }: BookingRuleFormProps) {
  const [texts, setTexts] = useState(() => textsOf(FIELDS, start))
  const { busy, message, fieldErrors, check } = useSubmit(onSaved, shared)
  const save = async () => {
    const saved = await check(bookingRuleSchema.safeParse(numbersOf(FIELDS, texts)), (rule) => saveBookingRule(target.facilityId, target.function, rule), `${title} 的预约规则已保存`)
    if (saved) onDone()
  }
  return (
    <View className='admin__form'>
      <Text className='admin__name'>{title} 的预约规则</Text>
      <NumberFields specs={FIELDS} texts={texts} onChange={setTexts} errors={fieldErrors} />
      <StatusMessage message={message} />
      <Button className='tap button button--primary' disabled={busy} onClick={save}>保存预约规则</Button>
      <Button className='tap button' onClick={onDone}>不修改</Button>
    </View>
  )
}
