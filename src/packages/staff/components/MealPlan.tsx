import { Text, Textarea, View } from '@tarojs/components'
import { PART_NAMES } from '@shared/booking'
import type { MealTemplateEntry } from '@shared/staff'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchMealTemplate, publishMealDays, saveMealTemplateEntry } from '@/api/staff'
import { OptionGroup } from '@/components/OptionGroup'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import { useRemote } from '@/hooks/use-remote'
import { addDays, shanghaiToday } from '@/lib/dates'
import { formatSetLines, parseSetLines } from './set-lines'
import { Button } from '@/components/Button'
import { fieldLabel } from '@/components/a11y'
import './staff-controls.scss'

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
const PARTS = ['breakfast', 'lunch', 'dinner'] as const
type Part = (typeof PARTS)[number]
const PUBLISH_DAYS = 14

/** 每周菜单: the weekly plan a facility publishes its coming days from; a published day keeps what it has. */
export function MealPlan({ facilityId }: { facilityId: string }) {
  const template = useRemote(() => fetchMealTemplate(facilityId), facilityId)
  const [weekday, setWeekday] = useState('0')
  const [part, setPart] = useState<Part>('lunch')
  const [message, setMessage] = useState<string | null>(null)

  const publish = async () => {
    setMessage(null)
    try {
      // From the facility's today, not the tablet's (see src/lib/dates.ts).
      const from = shanghaiToday()
      const created = await publishMealDays(facilityId, from, addDays(from, PUBLISH_DAYS - 1))
      setMessage(created ? `新发布了 ${created} 餐，居民现在可以预约` : '未来两周的餐次都已发布')
    } catch (err) {
      setMessage(cleanError(err))
    }
  }

  return (
    <View className='card no-print staff-controls'>
      <Text className='section-title'>每周菜单</Text>
      <OptionGroup label='星期' options={WEEKDAYS.map((w, i) => ({ value: String(i), label: w }))} value={weekday} onChange={setWeekday} />
      <OptionGroup label='餐次' options={PARTS.map((p) => ({ value: p, label: PART_NAMES[p] }))} value={part} onChange={setPart} />
      <RemoteContent remote={template}>
        {(entries) => {
          const entry = entries.find((e) => e.weekday === Number(weekday) && e.part === part)
          return (
            <PlanEntryForm
              key={`${weekday}-${part}-${entries.length}`}
              entry={entry}
              title={`${WEEKDAYS[Number(weekday)]}${PART_NAMES[part]}`}
              onSave={async (next) => {
                await saveMealTemplateEntry(facilityId, Number(weekday), part, next)
                await template.reload()
              }}
            />
          )
        }}
      </RemoteContent>
      <Button className='tap button button--primary' onClick={publish}>
        发布未来两周菜单
      </Button>
      <StatusLine text={message} />
    </View>
  )
}

interface PlanEntryFormProps {
  entry: MealTemplateEntry | undefined
  title: string
  onSave: (entry: MealTemplateEntry) => Promise<void>
}

function PlanEntryForm({ entry, title, onSave }: PlanEntryFormProps) {
  const [starts, setStarts] = useState(entry?.starts ?? '11:30')
  const [ends, setEnds] = useState(entry?.ends ?? '13:00')
  const [capacity, setCapacity] = useState(String(entry?.capacity ?? 40))
  const [lines, setLines] = useState(entry ? formatSetLines(entry.sets) : '')
  const [message, setMessage] = useState<string | null>(null)

  const save = async () => {
    const parsed = parseSetLines(lines)
    if ('error' in parsed) {
      setMessage(parsed.error)
      return
    }
    try {
      await onSave({ starts, ends, capacity: Number(capacity), sets: parsed.sets })
      setMessage(`已保存${title}；之后发布的${title}按此菜单`)
    } catch (err) {
      setMessage(cleanError(err))
    }
  }

  return (
    <View className='staff-controls'>
      <Text className='muted'>{entry ? `${title}：已有菜单` : `${title}：还没有菜单，填写后保存即可开放`}</Text>
      <View className='staff-controls__row'>
        <TextField label='开始' value={starts} onChange={setStarts} maxLength={5} />
        <TextField label='结束' value={ends} onChange={setEnds} maxLength={5} />
        <TextField label='份数' type='number' value={capacity} onChange={setCapacity} maxLength={5} />
      </View>
      <Text className='text-field__label'>套餐（每行：名称 | 菜品 | 标签 | 价格元）</Text>
      <Textarea
        className='text-field__input staff-controls__sets'
        value={lines}
        maxlength={2000}
        {...fieldLabel('套餐')}
        onInput={(e) => setLines(e.detail.value)}
      />
      <Button className='tap button' onClick={save}>
        保存{title}
      </Button>
      <StatusLine text={message} />
    </View>
  )
}
