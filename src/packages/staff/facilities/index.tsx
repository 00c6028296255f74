import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { pressable, roleProps } from '@/components/a11y'
import type { AdminFacility, AuditEntry } from '@shared/admin'
import { FUNCTIONS, type FunctionCode } from '@shared/functions'
import { useEffect, useState } from 'react'
import { fetchAdminFacilities, fetchAudit, fetchStaff, grantStaffBinding, revokeStaffBinding, saveFacility, setFacilityRetired } from '@/api/admin'
import { OptionGroup } from '@/components/OptionGroup'
import { ApiError, cleanError } from '@/api/api-error'
import { downloadFile } from '@/api/download'
import { importFacilitySheet, pickSpreadsheet } from '@/api/upload'
import { ConfirmBox } from '@/components/ConfirmBox'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { TextField } from '@/components/TextField'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { dayAndClock } from '@/lib/dates'
import { type FacilityDraft, draftOf, editOf } from './draft'
import { useSubmit } from './use-submit'
import { OperatorsCard } from './OperatorsCard'
import { PriceChangesCard } from './PriceChangesCard'
import { RulesCard } from './RulesCard'
import { SchoolBreaksCard } from './SchoolBreaksCard'
import './index.scss'

const FUNCTION_NAMES = Object.fromEntries(FUNCTIONS.map((f) => [f.code, f.name])) as Record<FunctionCode, string>

/** 设施管理 for street and district staff: each facility's phone, hours, functions and more; who changed what. */
export default function FacilityAdminPage() {
  const list = useRemote(fetchAdminFacilities, 'admin-facilities')
  const audit = useRemote(fetchAudit, 'admin-audit')
  const [editing, setEditing] = useState<string | null>(null)
  usePullToRefresh(() => Promise.all([list.reload(), audit.reload()]))
  const changed = () => Promise.all([list.reload(), audit.reload()])

  return (
    <Page title='设施管理'>
      <RemoteContent
        remote={list}
        empty={(data) => (data.facilities.length === 0 ? <StateView kind='empty' text='您管辖的范围内还没有设施' /> : null)}
      >
        {(data) => (
          <View className='admin'>
            {data.facilities.map((f) =>
              editing === f.id ? (
                <FacilityForm key={f.id} facility={f} onDone={() => setEditing(null)} onSaved={changed} />
              ) : (
                <View key={f.id} className={`card admin__facility${f.retiredAt ? ' admin__facility--retired' : ''}`}>
                  <Text className='admin__name'>{f.name}{f.retiredAt ? '（已停用）' : ''}</Text>
                  <Text className='admin__line'>{f.street} · {f.community} · {f.address}</Text>
                  <Text className='admin__line'>电话：{f.phone ?? '未填写'}</Text>
                  <Text className='admin__line'>开放：{f.hours.map((h) => `${h.days} ${h.opens}—${h.closes}`).join('；')}</Text>
                  <Text className='admin__line'>功能：{f.functions.map((c) => FUNCTION_NAMES[c]).join('、')}</Text>
                  <Button className='tap button' onClick={() => setEditing(f.id)}>
                    修改{f.name.replace(/嵌入式服务设施$/, '')}
                  </Button>
                </View>
              ),
            )}
            <SheetTools onImported={changed} />
            <StaffGrants onChanged={audit.reload} />
            <RulesCard onChanged={audit.reload} />
            <SchoolBreaksCard onChanged={audit.reload} />
            <PriceChangesCard />
            <OperatorsCard onChanged={changed} />
            <AuditLog remote={audit} facilities={data.facilities} />
          </View>
        )}
      </RemoteContent>
    </Page>
  )
}

interface FacilityFormProps {
  facility: AdminFacility
  onDone: () => void
  onSaved: () => Promise<unknown>
}

function FacilityForm({ facility, onDone, onSaved }: FacilityFormProps) {
  const [draft, setDraft] = useState<FacilityDraft>(() => draftOf(facility))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [confirmingRetire, setConfirmingRetire] = useState(false)
  const { busy, message, setMessage, run } = useSubmit(onSaved)
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
  const setHours = (i: number, key: 'days' | 'opens' | 'closes', value: string) =>
    set('hours', draft.hours.map((h, j) => (j === i ? { ...h, [key]: value } : h)))
  const toggle = (code: FunctionCode) =>
    set('functions', draft.functions.includes(code) ? draft.functions.filter((c) => c !== code) : [...draft.functions, code])

  const save = () => {
    const result = editOf(facility, draft)
    if ('unchanged' in result) return setMessage({ kind: 'ok', text: '没有改动' })
    if ('errors' in result) {
      setErrors(result.errors)
      return setMessage({ kind: 'error', text: '有内容填写有误，请按提示修改' })
    }
    setErrors({})
    return run(() => saveFacility(facility.id, result.edit), '已保存，居民端已更新')
  }
  const retire = (retired: boolean) => {
    setConfirmingRetire(false)
    return run(() => setFacilityRetired(facility.id, retired), retired ? '已停用：居民不再看到这个设施，已有记录保留' : '已恢复服务')
  }

  if (facility.retiredAt) {
    return (
      <View className='card admin__form'>
        <Text className='admin__name'>{facility.name}（已停用）</Text>
        {message && <Text className={`admin__message admin__message--${message.kind}`}>{message.text}</Text>}
        <Button className='tap button button--primary' disabled={busy} onClick={() => retire(false)}>恢复服务</Button>
        <Button className='tap button' onClick={onDone}>返回列表</Button>
      </View>
    )
  }
  return (
    <View className='card admin__form'>
      <Text className='admin__name'>修改 {facility.name}</Text>
      <TextField label='设施名称' value={draft.name} onChange={(v) => set('name', v)} maxLength={40} error={errors.name} />
      <TextField label='地址' value={draft.address} onChange={(v) => set('address', v)} maxLength={100} error={errors.address} />
      <TextField label='电话' value={draft.phone} onChange={(v) => set('phone', v)} maxLength={20} placeholder='029-86861234 或手机号' error={errors.phone} />
      <Text className='section-title'>开放时间</Text>
      {draft.hours.map((h, i) => (
        <View key={i} className='admin__hours'>
          <TextField label={`第 ${i + 1} 段 开放日`} value={h.days} onChange={(v) => setHours(i, 'days', v)} maxLength={20} placeholder='周一至周五' error={errors[`hours.${i}.days`]} />
          <TextField label='开门' value={h.opens} onChange={(v) => setHours(i, 'opens', v)} maxLength={5} placeholder='08:30' error={errors[`hours.${i}.opens`]} />
          <TextField label='关门' value={h.closes} onChange={(v) => setHours(i, 'closes', v)} maxLength={5} placeholder='18:00' error={errors[`hours.${i}.closes`]} />
          {draft.hours.length > 1 && (
            <Button className='tap button' onClick={() => set('hours', draft.hours.filter((_, j) => j !== i))}>删除第 {i + 1} 段</Button>
          )}
        </View>
      ))}
      {errors.hours && <Text className='admin__message admin__message--error'>{errors.hours}</Text>}
      {draft.hours.length < 7 && (
        <Button className='tap button' onClick={() => set('hours', [...draft.hours, { days: '', opens: '08:30', closes: '18:00' }])}>增加一段开放时间</Button>
      )}
      <Text className='section-title'>服务功能</Text>
      <View className='options' {...roleProps('group', '服务功能')}>
        {FUNCTIONS.map((f) => {
          const on = draft.functions.includes(f.code)
          return (
            <View
              key={f.code}
              className={`tap option${on ? ' option--selected' : ''}`}
              {...pressable({ role: 'checkbox', onPress: () => toggle(f.code) })}
              aria-checked={on ? 'true' : 'false'}
            >
              <Text className='option__label'>{on ? `✓ ${f.name}` : f.name}</Text>
            </View>
          )
        })}
      </View>
      {errors.functions && <Text className='admin__message admin__message--error'>{errors.functions}</Text>}
      <Text className='section-title'>位置（GCJ-02，与微信地图一致）</Text>
      <TextField label='纬度' value={draft.lat} onChange={(v) => set('lat', v)} maxLength={12} error={errors.lat} />
      <TextField label='经度' value={draft.lng} onChange={(v) => set('lng', v)} maxLength={12} error={errors.lng} />
      <View className='options' {...roleProps('group', '储备项目')}>
        <View
          className={`tap option${draft.isReserve ? ' option--selected' : ''}`}
          {...pressable({ role: 'checkbox', onPress: () => set('isReserve', !draft.isReserve) })}
          aria-checked={draft.isReserve ? 'true' : 'false'}
        >
          <Text className='option__label'>{draft.isReserve ? '✓ 储备项目（尚未开放）' : '储备项目（尚未开放）'}</Text>
        </View>
      </View>
      {message && (
        <View className={`admin__message admin__message--${message.kind}`} {...roleProps('status')}>
          {message.text}
        </View>
      )}
      <Button className='tap button button--primary' disabled={busy} onClick={save}>保存</Button>
      <Button className='tap button' onClick={onDone}>返回列表</Button>
      {confirmingRetire ? (
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
      )}
    </View>
  )
}

/** The facility list as Excel: download it (or the empty template), correct or fill it, upload it. */
function SheetTools({ onImported }: { onImported: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; problems?: string[] } | null>(null)
  const download = async (path: string, name: string) => {
    setResult(null)
    try {
      await downloadFile(path, name, 'xlsx')
    } catch (err) {
      setResult({ kind: 'error', text: cleanError(err) })
    }
  }
  const upload = async () => {
    if (busy) return
    setResult(null)
    const file = await pickSpreadsheet()
    if (!file) return
    setBusy(true)
    try {
      const done = await importFacilitySheet(file)
      await onImported()
      const parts = [
        done.created.length > 0 && `新增 ${done.created.length} 个`,
        done.updated.length > 0 && `更新 ${done.updated.length} 个`,
        done.unchanged.length > 0 && `${done.unchanged.length} 个没有变化`,
        done.newCommunities.length > 0 && `新建社区：${done.newCommunities.join('、')}`,
      ].filter(Boolean)
      setResult({ kind: 'ok', text: `已导入：${parts.join('，')}` })
    } catch (err) {
      const problems = err instanceof ApiError ? err.problems : undefined
      setResult({ kind: 'error', text: problems ? `表格有 ${problems.length} 处问题，没有写入任何内容：` : cleanError(err), problems })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card admin__sheet'>
      <Text className='section-title'>用 Excel 批量维护</Text>
      <Text className='muted'>下载清单，在 Excel 中修改或增加设施后导入；同一编号会更新，不会重复。</Text>
      <Button className='tap button' onClick={() => download('/admin/facilities/export', '设施清单.xlsx')}>下载设施清单</Button>
      <Button className='tap button' onClick={() => download('/admin/facilities/template', '设施清单模板.xlsx')}>下载空白模板</Button>
      <Button className='tap button button--primary' disabled={busy} onClick={upload}>{busy ? '正在导入…' : '导入设施清单'}</Button>
      {result && (
        <View className={`admin__message admin__message--${result.kind}`} {...roleProps('status')}>
          {result.text}
          {result.problems?.map((p) => (
            <View key={p} className='admin__problem'>{p}</View>
          ))}
        </View>
      )}
    </View>
  )
}

const SCOPE_KINDS = { district: '区级', street: '街道', operator: '运营方' } as const
type ScopeKind = keyof typeof SCOPE_KINDS

/** 工作人员授权: district staff only (the server refuses anyone else; the card then stays away). */
function StaffGrants({ onChanged }: { onChanged: () => Promise<unknown> }) {
  const staff = useRemote(fetchStaff, 'admin-staff')
  const [userId, setUserId] = useState('')
  const [kind, setKind] = useState<ScopeKind>('street')
  const [scopeId, setScopeId] = useState<string>()
  const { busy, message, run } = useSubmit(() => Promise.all([staff.reload(), onChanged()]))
  if (!staff.data) return null
  const scopes = (staff.data?.scopes ?? []).filter((s) => s.kind === kind)
  return (
    <View className='card admin__staff'>
      <Text className='section-title'>工作人员授权</Text>
      {staff.data?.staff.map((b) => (
        <View key={`${b.userId}|${b.scopeKind}|${b.scopeId}`} className='admin__entry'>
          <Text className='admin__line'>账号 {b.userId.slice(0, 8)}{b.nickname ? `（${b.nickname}）` : ''} · {SCOPE_KINDS[b.scopeKind]} {b.scopeName}</Text>
          <Button
            className='tap button'
            disabled={busy}
            onClick={() => run(() => revokeStaffBinding({ userId: b.userId, scopeKind: b.scopeKind, scopeId: b.scopeId }), '已撤销授权')}
          >
            撤销 {b.scopeName} 的授权
          </Button>
        </View>
      ))}
      <TextField label='账号编号' value={userId} onChange={setUserId} maxLength={64} hint='请对方登录后在「我的」里查看账号编号' />
      <OptionGroup label='授权类型' options={(Object.keys(SCOPE_KINDS) as ScopeKind[]).map((k) => ({ value: k, label: SCOPE_KINDS[k] }))} value={kind} onChange={(k) => { setKind(k); setScopeId(undefined) }} />
      <OptionGroup label='授权范围' vertical options={scopes.map((s) => ({ value: s.id, label: s.name }))} value={scopeId} onChange={setScopeId} />
      {message && (
        <View className={`admin__message admin__message--${message.kind}`} {...roleProps('status')}>
          {message.text}
        </View>
      )}
      <Button
        className='tap button button--primary'
        disabled={busy || userId.trim() === '' || !scopeId}
        onClick={() => scopeId && run(() => grantStaffBinding({ userId: userId.trim(), scopeKind: kind, scopeId }), '已授权，对方下次操作即生效')}
      >
        授权
      </Button>
    </View>
  )
}

const FIELD_NAMES: Record<string, string> = {
  name: '名称', address: '地址', phone: '电话', hours: '开放时间', functions: '服务功能', isReserve: '储备项目',
  lat: '纬度', lng: '经度', communityId: '社区', areaSqm: '面积', year: '建设年度', operatorId: '运营方',
  operatingModels: '运营模式', investmentWan: '投资额', retiredAt: '停用时间', contact: '联系人', licenceNo: '统一社会信用代码',
}
const ACTION_NAMES: Record<AuditEntry['action'], string> = { create: '新增', edit: '修改', retire: '停用', reopen: '恢复', grant: '授权', revoke: '撤销授权' }
const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '（空）'
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v ? `${v.days} ${v.opens}—${v.closes}` : FUNCTION_NAMES[v as FunctionCode] ?? String(v))).join('、')
  }
  if (typeof value === 'boolean') return value ? '是' : '否'
  return String(value)
}
const RULE_NAMES: Record<string, string> = { rating: '评价规则', 'no-show:meal': '助餐未到场规则', 'subsidy-tiers:meal': '助餐补贴标准' }
const subjectOf = (e: AuditEntry, nameOf: (id: string) => string): string => {
  if (e.entity === 'facility') return nameOf(e.entityId)
  if (e.entity === 'staff') return `账号 ${e.entityId.slice(0, 8)}`
  if (e.entity === 'rule') return RULE_NAMES[e.entityId] ?? e.entityId.replace(/^calendar:(\d+)$/, '$1 年节假日')
  return `运营方 ${e.entityId}`
}

function AuditLog({ remote, facilities }: { remote: ReturnType<typeof useRemote<AuditEntry[]>>; facilities: AdminFacility[] }) {
  const nameOf = (id: string) => facilities.find((f) => f.id === id)?.name ?? id
  return (
    <View className='card admin__audit'>
      <Text className='section-title'>修改记录</Text>
      <RemoteContent remote={remote} empty={(entries) => (entries.length === 0 ? <StateView kind='empty' text='还没有修改记录' /> : null)}>
        {(entries) => (
          <View>
            {entries.map((e) => (
              <View key={e.id} className='admin__entry'>
                <Text className='admin__line'>
                  {dayAndClock(e.at)} · 账号 {e.userId.slice(0, 8)} · {ACTION_NAMES[e.action]} {subjectOf(e, nameOf)}
                </Text>
                {(e.entity === 'facility' || e.entity === 'operator') &&
                  e.after &&
                  Object.keys(e.after).map((key) => (
                    <Text key={key} className='admin__line admin__change'>
                      {FIELD_NAMES[key] ?? key}：{e.before ? shown(e.before[key]) : '（新增）'} → {shown(e.after?.[key])}
                    </Text>
                  ))}
                {e.entity === 'staff' && (
                  <Text className='admin__line admin__change'>{String((e.after ?? e.before)?.scopeKind ?? '')} {String((e.after ?? e.before)?.scopeId ?? '')}</Text>
                )}
              </View>
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  )
}
