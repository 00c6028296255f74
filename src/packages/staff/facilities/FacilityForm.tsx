import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { pressable, roleProps } from '@/components/a11y'
import type { AdminFacility, AdminFacilityList } from '@shared/admin'
import { operatingModelSchema } from '@shared/facility'
import { FUNCTIONS, functionName } from '@shared/functions'
import { useEffect, useState } from 'react'
import { createFacility, saveFacility, setFacilityRetired } from '@/api/admin'
import { ConfirmBox } from '@/components/ConfirmBox'
import { OptionGroup } from '@/components/OptionGroup'
import { SwitchRow } from '@/components/SwitchRow'
import { TextField } from '@/components/TextField'
import { currentPosition } from '@/lib/location'
import { type FacilityDraft, type HoursDraft, createOf, draftOf, editOf, emptyDraft, sentFunctionHours } from './draft'
import { FieldError, StatusMessage } from './StatusMessage'
import { type Message, useSubmit } from '@/hooks/use-submit'

interface FacilityFormProps {
  /** The facility to edit; none: a new one. */
  facility?: AdminFacility
  /** Where a facility may be placed and who may run it (the list's own answer). */
  choices: Pick<AdminFacilityList, 'communities' | 'operators'>
  onDone: () => void
  onSaved: () => Promise<unknown>
  /** Where the outcome is said when the form closes on success (a new facility): above the form, in the page. */
  shared?: [Message, (message: Message) => void]
}

/** One form for a new facility and for an edit: the same fields, checked by the same schemas as the server. */
export function FacilityForm({ facility, choices, onDone, onSaved, shared }: FacilityFormProps) {
  const [draft, setDraft] = useState<FacilityDraft>(() => (facility ? draftOf(facility) : emptyDraft()))
  const [confirmingRetire, setConfirmingRetire] = useState(false)
  const [locating, setLocating] = useState(false)
  const { busy, message, setMessage, fieldErrors, setFieldErrors, run } = useSubmit(onSaved, shared)
  const errorOf = (key: string): string | undefined => fieldErrors[key]
  // The form takes the place of the button that opened it: the keyboard goes on in the form, not at the page's top.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    // Taro's text box draws its <input> a moment after the form mounts: look for it over a few frames.
    let frames = 0
    const focusFirst = () => {
      const input = document.querySelector<HTMLElement>('.admin__form input')
      if (input) input.focus()
      else if (++frames < 30) requestAnimationFrame(focusFirst)
    }
    requestAnimationFrame(focusFirst)
  }, [])
  const set = <K extends keyof FacilityDraft>(key: K, value: FacilityDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const save = () => {
    const result = facility ? editOf(facility, draft) : createOf(draft)
    if ('unchanged' in result) return setMessage({ kind: 'ok', text: '没有改动' })
    if ('errors' in result) {
      setFieldErrors(result.errors)
      return setMessage({ kind: 'error', text: '有内容填写有误，请按提示修改' })
    }
    if ('create' in result) {
      const { create } = result
      return run(() => createFacility(create), `已新增 ${create.name}：可在下方修改，或设置它的预约规则`).then((saved) => saved && onDone())
    }
    return run(() => saveFacility(draft.id, result.edit), '已保存，居民端已更新')
  }
  const retire = (retired: boolean) => {
    setConfirmingRetire(false)
    return run(() => setFacilityRetired(draft.id, retired), retired ? '已停用：居民不再看到这个设施，已有记录保留' : '已恢复服务')
  }
  const locate = async () => {
    setLocating(true)
    try {
      const here = await currentPosition()
      setDraft((d) => ({ ...d, lat: here.lat.toFixed(6), lng: here.lng.toFixed(6) }))
      setMessage({ kind: 'ok', text: '已填入您现在的位置，请确认是在设施里' })
    } catch {
      setMessage({ kind: 'error', text: '没有获得您的位置，请直接填写纬度和经度（可在微信或高德地图中查看）' })
    } finally {
      setLocating(false)
    }
  }

  if (facility?.retiredAt) {
    return (
      <View className='card admin__form'>
        <Text className='admin__name'>{facility.name}（已停用）</Text>
        <StatusMessage message={message} />
        <Button className='tap button button--primary' disabled={busy} onClick={() => retire(false)}>恢复服务</Button>
        <Button className='tap button' onClick={onDone}>返回列表</Button>
      </View>
    )
  }
  const field = (label: string, key: 'name' | 'address' | 'areaSqm' | 'year' | 'investmentWan' | 'phone' | 'lat' | 'lng', maxLength: number, placeholder?: string) => (
    <TextField label={label} value={draft[key]} onChange={(v) => set(key, v)} maxLength={maxLength} placeholder={placeholder} error={errorOf(key)} />
  )
  return (
    <View className='card admin__form'>
      <Text className='admin__name'>{facility ? `修改 ${facility.name}` : '新增设施'}</Text>
      {!facility && (
        <TextField
          label='设施编号'
          value={draft.id}
          onChange={(v) => set('id', v)}
          maxLength={64}
          placeholder='例如 yl-xinhua-park'
          hint='小写字母、数字和连字符；设施链接和 Excel 清单都用它，新增后不能改'
          error={errorOf('id')}
        />
      )}
      {field('设施名称', 'name', 40)}
      <Text className='section-title'>所在社区</Text>
      <OptionGroup
        label='所在社区'
        vertical
        options={choices.communities.map((c) => ({ value: c.id, label: `${c.street} · ${c.name}` }))}
        value={draft.communityId || undefined}
        onChange={(v) => set('communityId', v)}
      />
      <FieldError text={errorOf('communityId')} />
      {field('地址', 'address', 100)}
      {field('面积（㎡）', 'areaSqm', 8, '例如 1350')}
      {field('建设年度', 'year', 4, '例如 2026')}
      {field('总投资（万元）', 'investmentWan', 8, '可空')}
      {field('电话', 'phone', 20, '029-86861234 或手机号')}
      <Text className='section-title'>运营方</Text>
      <OptionGroup
        label='运营方'
        vertical
        options={[{ value: '', label: '暂无运营方' }, ...choices.operators.map((o) => ({ value: o.id, label: o.name }))]}
        value={draft.operatorId}
        onChange={(v) => set('operatorId', v)}
      />
      <FieldError text={errorOf('operatorId')} />
      <CheckGroup
        label='运营模式'
        options={operatingModelSchema.options.map((m) => ({ value: m, label: m }))}
        values={draft.operatingModels}
        onChange={(v) => set('operatingModels', v)}
        error={errorOf('operatingModels')}
      />
      <Text className='section-title'>开放时间</Text>
      <HoursEditor hours={draft.hours} onChange={(hours) => set('hours', hours)} path='hours' errorOf={errorOf} />
      <CheckGroup
        label='服务功能'
        options={FUNCTIONS.map((f) => ({ value: f.code, label: f.name }))}
        values={draft.functions}
        onChange={(v) => set('functions', v)}
        error={errorOf('functions')}
      />
      {draft.functions.length > 0 && (
        <>
          <Text className='section-title'>各项服务的开放时间</Text>
          <Text className='muted'>与设施相同的不用设置；例如社区助餐只在 11:00—13:00 供餐。</Text>
        </>
      )}
      {[...draft.functions].sort().map((code) => {
        const own = draft.functionHours.find((f) => f.function === code)
        const index = sentFunctionHours(draft).findIndex((f) => f.function === code)
        const setOwn = (hours: HoursDraft | null) =>
          set('functionHours', [...draft.functionHours.filter((f) => f.function !== code), ...(hours ? [{ function: code, hours }] : [])])
        return (
          <View key={code}>
            <SwitchRow label={`${functionName(code)}另有开放时间`} checked={Boolean(own)} onChange={(on) => setOwn(on ? draft.hours.map((h) => ({ ...h })) : null)} />
            {own && <HoursEditor hours={own.hours} onChange={setOwn} path={`functionHours.${index}.hours`} errorOf={errorOf} name={functionName(code)} />}
            <FieldError text={errorOf(`functionHours.${index}.function`)} />
          </View>
        )
      })}
      <Text className='section-title'>位置（GCJ-02，与微信地图一致）</Text>
      {field('纬度', 'lat', 12, '例如 34.6534')}
      {field('经度', 'lng', 12, '例如 109.2301')}
      <Button className='tap button' disabled={locating} onClick={locate}>{locating ? '正在获取位置…' : '用我现在的位置'}</Button>
      <SwitchRow label='储备项目（尚未开放）' hint='储备项目在居民端显示为尚未开放' checked={draft.isReserve} onChange={(v) => set('isReserve', v)} />
      <StatusMessage message={message} />
      <Button className='tap button button--primary' disabled={busy} onClick={save}>{facility ? '保存' : '新增这个设施'}</Button>
      <Button className='tap button' onClick={onDone}>{facility ? '返回列表' : '不新增'}</Button>
      {facility &&
        (confirmingRetire ? (
          <ConfirmBox
            question={`确定停用 ${facility.name} 吗？居民将看不到它，也不能再预约；已有的预约、评价和评估记录保留。`}
            confirm='确定停用'
            decline='不停用'
            busy={busy}
            onConfirm={() => retire(true)}
            onDecline={() => setConfirmingRetire(false)}
          />
        ) : (
          <Button className='tap button' onClick={() => setConfirmingRetire(true)}>停用这个设施</Button>
        ))}
    </View>
  )
}

interface CheckGroupProps<T extends string> {
  label: string
  options: { value: T; label: string }[]
  values: T[]
  onChange: (values: T[]) => void
  error?: string
}

/** Several choices at once (checkboxes), the chosen ones with ✓ as well as colour. */
function CheckGroup<T extends string>({ label, options, values, onChange, error }: CheckGroupProps<T>) {
  return (
    <>
      <Text className='section-title'>{label}</Text>
      <View className='options' {...roleProps('group', label)}>
        {options.map((o) => {
          const on = values.includes(o.value)
          return (
            <View
              key={o.value}
              className={`tap option${on ? ' option--selected' : ''}`}
              {...pressable({ role: 'checkbox', onPress: () => onChange(on ? values.filter((v) => v !== o.value) : [...values, o.value]) })}
              aria-checked={on ? 'true' : 'false'}
            >
              <Text className='option__label'>{on ? `✓ ${o.label}` : o.label}</Text>
            </View>
          )
        })}
      </View>
      <FieldError text={error} />
    </>
  )
}

interface HoursEditorProps {
  hours: HoursDraft
  onChange: (hours: HoursDraft) => void
  /** Where these hours sit in the contract (`hours`, `functionHours.0.hours`), for the errors that name them. */
  path: string
  errorOf: (path: string) => string | undefined
  /** The function these hours are of, in every label (none: the facility's). */
  name?: string
}

/** Up to 7 rows of opening hours (开放日, 开门, 关门), each row's problems under its boxes. */
function HoursEditor({ hours, onChange, path, errorOf, name = '' }: HoursEditorProps) {
  const setRow = (i: number, key: keyof HoursDraft[number], value: string) => onChange(hours.map((h, j) => (j === i ? { ...h, [key]: value } : h)))
  return (
    <>
      {hours.map((h, i) => (
        <View key={i} className='admin__hours'>
          <TextField label={`${name}第 ${i + 1} 段 开放日`} value={h.days} onChange={(v) => setRow(i, 'days', v)} maxLength={20} placeholder='周一至周五' error={errorOf(`${path}.${i}.days`)} />
          <TextField label={`${name}开门`} value={h.opens} onChange={(v) => setRow(i, 'opens', v)} maxLength={5} placeholder='08:30' error={errorOf(`${path}.${i}.opens`)} />
          <TextField label={`${name}关门`} value={h.closes} onChange={(v) => setRow(i, 'closes', v)} maxLength={5} placeholder='18:00' error={errorOf(`${path}.${i}.closes`)} />
          {hours.length > 1 && (
            <Button className='tap button' onClick={() => onChange(hours.filter((_, j) => j !== i))}>删除{name}第 {i + 1} 段</Button>
          )}
        </View>
      ))}
      <FieldError text={errorOf(path)} />
      {hours.length < 7 && (
        <Button className='tap button' onClick={() => onChange([...hours, { days: '', opens: '08:30', closes: '18:00' }])}>增加一段{name}开放时间</Button>
      )}
    </>
  )
}
