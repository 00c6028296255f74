import { Text, View } from '@tarojs/components'
import { type SchoolBreakRule, schoolBreakImportResultSchema, schoolBreaksSchema } from '@shared/rules'
import { useState } from 'react'
import { fetchRules, saveSchoolBreaks } from '@/api/admin'
import { Button } from '@/components/Button'
import { TextField } from '@/components/TextField'
import { roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { SheetCard } from './SheetCard'
import { type Message, useSubmit } from '@/hooks/use-submit'

/**
 * 学校假期: the district's school breaks, which decide whether 儿童托管 runs after school or all day. Read by every
 * government clerk, changed by district staff; days already published keep what they were published with.
 */
export function SchoolBreaksCard({ onChanged }: { onChanged: () => Promise<unknown> }) {
  const rules = useRemote(fetchRules, 'admin-school-breaks')
  const shared = useState<Message>(null)
  if (!rules.data) return null
  return (
    <SchoolBreaksForm
      key={JSON.stringify(rules.data.schoolBreaks)}
      breaks={rules.data.schoolBreaks}
      canEdit={rules.data.canEdit}
      shared={shared}
      onSaved={() => Promise.all([rules.reload(), onChanged()])}
    />
  )
}

interface FormProps {
  breaks: SchoolBreakRule[]
  canEdit: boolean
  shared: [Message, (message: Message) => void]
  onSaved: () => Promise<unknown>
}

function SchoolBreaksForm({ breaks, canEdit, shared, onSaved }: FormProps) {
  const [text, setText] = useState(() => breaks.map((b) => `${b.from} 至 ${b.to} ${b.name}`).join('；'))
  const { busy, message, setMessage, run } = useSubmit(onSaved, shared)
  const save = () => {
    const parsed = parseBreaks(text)
    if ('problem' in parsed) return setMessage({ kind: 'error', text: parsed.problem })
    const checked = schoolBreaksSchema.safeParse({ breaks: parsed.breaks })
    if (!checked.success) return setMessage({ kind: 'error', text: checked.error.issues[0]?.message ?? '填写有误' })
    return run(() => saveSchoolBreaks(checked.data.breaks), '学校假期已保存：之后发布的托管按新校历安排')
  }
  return (
    <View className='card admin__rules'>
      <Text className='section-title'>学校假期（儿童托管）</Text>
      <Text className='muted'>上学日提供放学后托管，假期提供全天托管。已发布的日子不变，需要时由运营方停业或调整。</Text>
      {canEdit ? (
        <>
          <TextField label='起止日期 名称（用；分隔）' value={text} onChange={setText} maxLength={3000} hint='例如 2027-01-16 至 2027-02-21 寒假；2027-07-10 至 2027-08-31 暑假' />
          <Button className='tap button' disabled={busy} onClick={save}>
            保存学校假期
          </Button>
          <SheetCard
            title='学校假期（Excel）'
            hint='按教育部门公布的校历填写；表格就是全部假期，再次导入同一张表不会重复。'
            base='/admin/school-breaks'
            fileName='学校假期'
            labels={['下载学校假期表', '下载学校假期空白模板', '导入学校假期表']}
            result={schoolBreakImportResultSchema}
            describe={(done) => `已导入 ${done.breaks.length} 段学校假期`}
            onImported={onSaved}
          />
        </>
      ) : (
        breaks.map((b) => (
          <Text key={b.from} className='admin__line'>
            {b.name}：{b.from} 至 {b.to}
          </Text>
        ))
      )}
      {message && (
        <View className={`admin__message admin__message--${message.kind}`} {...roleProps('status')}>
          {message.text}
        </View>
      )}
    </View>
  )
}

/** 「2027-01-16 至 2027-02-21 寒假」 entries → breaks, or the entry it could not read. */
function parseBreaks(text: string): { breaks: SchoolBreakRule[] } | { problem: string } {
  const breaks: SchoolBreakRule[] = []
  for (const entry of text.split(/[；;\n]+/).map((e) => e.trim()).filter(Boolean)) {
    const match = entry.match(/^(\S+)\s*(?:至|到|-|—|~)\s*(\S+)\s+(.+)$/)
    if (!match) return { problem: `「${entry}」应写成 2027-01-16 至 2027-02-21 寒假` }
    breaks.push({ from: match[1], to: match[2], name: match[3].trim() })
  }
  return { breaks }
}
