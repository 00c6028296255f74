import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { type BookingRequest, type Collector, collectorSchema, type SessionList } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { useState } from 'react'
import { type Option, OptionGroup } from '@/components/OptionGroup'
import { TextField } from '@/components/TextField'
import { BookingSummary } from '../shared/BookingSummary'
import { CareShell } from '../shared/CareShell'
import { AddMemberFirst } from '../shared/AddMemberFirst'
import { careDayOption } from '../shared/day-option'
import { useConfirmBooking } from '../shared/use-confirm-booking'
import { throughThisFriday } from '../shared/week'
import '../shared/care.scss'

type Kind = 'afternoon' | 'full_day'
type Row = { name: string; phone: string }
const EMPTY: Row = { name: '', phone: '' }

type Checked =
  | { state: 'empty' }
  | { state: 'valid'; value: Collector }
  | { state: 'invalid'; issue: { field: 'name' | 'phone'; message: string } }

/** A collector row as the server will read it (collectorSchema). A number still being typed is not yet an error. */
function checkRow(row: Row): Checked {
  if (!row.name.trim() && !row.phone.trim()) return { state: 'empty' }
  const parsed = collectorSchema.safeParse(row)
  if (parsed.success) return { state: 'valid', value: parsed.data }
  const first = parsed.error.issues[0]
  return { state: 'invalid', issue: { field: first.path[0] === 'name' ? 'name' : 'phone', message: first.message } }
}
const KIND_OPTIONS: Option<Kind>[] = [
  { value: 'afternoon', label: '放学后托管', sub: '上学日 16:30–19:00' },
  { value: 'full_day', label: '假期托管', sub: '节假日和寒暑假 08:30–17:30' },
]

/** 儿童托管 after school (16:30–19:00) or on school holidays (all day): a day or the rest of the week, and the adults
 * who may collect the child. */
export default function AfterSchoolPage() {
  const facilityId = useRouter().params.facilityId ?? ''
  return (
    <CareShell title='儿童托管 · 预约' facilityId={facilityId} service='after_school' fn='child_care' noSessions='这个设施近期没有开放儿童托管'>
      {(list, members, onStale) => <AfterSchoolForm list={list} kids={members} onStale={onStale} />}
    </CareShell>
  )
}

function AfterSchoolForm({ list, kids, onStale }: { list: SessionList; kids: FamilyMember[]; onStale: () => Promise<void> }) {
  const [kind, setKind] = useState<Kind>('afternoon')
  const sessions = list.sessions.filter((s) => s.part === kind)
  const hasHolidays = list.sessions.some((s) => s.part === 'full_day')
  const [sessionId, setSessionId] = useState(sessions.find((s) => s.bookable)?.id)
  const [kidId, setKidId] = useState<string | undefined>()
  const [week, setWeek] = useState(true)
  const [collectors, setCollectors] = useState<Row[]>([EMPTY, EMPTY, EMPTY])
  const session = sessions.find((s) => s.id === sessionId)
  const kid = kids.find((k) => k.id === kidId) ?? kids[0]
  const through = throughThisFriday(sessions, session)
  // Rows with anything typed, checked by the schema the server uses; a half-filled row holds the booking back.
  const checked = collectors.map(checkRow)
  const filled = checked.filter((c) => c.state !== 'empty')
  const valid = filled.flatMap((c) => (c.state === 'valid' ? [c.value] : []))
  const names = filled.length > 0 && valid.length === filled.length ? valid : []

  const request: BookingRequest | undefined =
    session && kid && names.length
      ? {
          sessionId: session.id,
          memberId: kid.id,
          quantity: 1,
          collectors: names,
          ...(week && through ? { throughDate: through } : {}),
        }
      : undefined
  const booking = useConfirmBooking(request, onStale)

  if (kids.length === 0) {
    return <AddMemberFirst who='孩子' hint='儿童托管接收 6 到 13 周岁的孩子，需要孩子的出生日期和监护人的同意。' />
  }
  const dayOptions: Option<string>[] = sessions.slice(0, 15).map((s) => careDayOption(s, list.today, `余 ${s.remaining} 个名额`))
  return (
    <View className='care'>
      <View className='card'>
        <Text className='section-title'>1. 孩子</Text>
        <OptionGroup label='孩子' options={kids.map((k) => ({ value: k.id, label: k.name }))} value={kid?.id} onChange={setKidId} />
      </View>
      {hasHolidays && (
        <View className='card'>
          <OptionGroup
            label='托管类型'
            options={KIND_OPTIONS}
            value={kind}
            onChange={(v) => {
              setKind(v as Kind)
              setSessionId(list.sessions.find((s) => s.part === v && s.bookable)?.id)
            }}
          />
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>2. 从哪天开始（{kind === 'afternoon' ? '放学后 16:30–19:00' : '假期全天 08:30–17:30'}）</Text>
        <OptionGroup label='开始日期' options={dayOptions} value={sessionId} onChange={setSessionId} />
        <OptionGroup
          label='预约几天'
          options={[
            { value: 'day', label: '只这一天' },
            { value: 'week', label: '到本周五', sub: '整周一起预约，任何一天没有名额就都不预约' },
          ]}
          value={week ? 'week' : 'day'}
          onChange={(v) => setWeek(v === 'week')}
        />
      </View>
      <View className='card'>
        <Text className='section-title'>3. 谁来接孩子（1 到 3 位）</Text>
        <View className='muted'>老师只把孩子交给这里填写的人，有事会打这个电话。</View>
        {collectors.map((row, i) => {
          const set = (field: keyof Row) => (next: string) =>
            setCollectors(collectors.map((c, j) => (j === i ? { ...c, [field]: next } : c)))
          const check = checked[i]
          const digits = row.phone.replace(/\D/g, '').length
          // A number still being typed is not called wrong yet.
          const issue = check.state === 'invalid' && !(check.issue.field === 'phone' && digits > 0 && digits < 11) ? check.issue : undefined
          return (
            <View key={i} className='after-school__collector'>
              <TextField
                label={`接送人 ${i + 1}`}
                value={row.name}
                maxLength={20}
                placeholder={i === 0 ? '例如 张伟（爸爸）' : '选填'}
                onChange={set('name')}
                error={issue?.field === 'name' ? issue.message : undefined}
              />
              <TextField
                label={`接送人 ${i + 1} 手机号`}
                type='number'
                value={row.phone}
                maxLength={13}
                placeholder={i === 0 ? '11 位手机号' : '选填'}
                onChange={set('phone')}
                error={issue?.field === 'phone' ? issue.message : undefined}
              />
            </View>
          )
        })}
      </View>
      <BookingSummary
        booking={booking}
        waiting={names.length ? '正在计算费用…' : filled.length ? '请把接送人的姓名和手机号填完整' : '请填写至少一位接送人和手机号'}
        ready={request !== undefined}
      />
    </View>
  )
}
