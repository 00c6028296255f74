import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { type AdminFacility, type AuditEntry, importResultSchema } from '@shared/admin'
import { FUNCTIONS, type FunctionCode } from '@shared/functions'
import { useState } from 'react'
import { fetchAdminFacilities, fetchAudit, fetchStaff, grantStaffBinding, revokeStaffBinding } from '@/api/admin'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { TextField } from '@/components/TextField'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { dayAndClock } from '@/lib/dates'
import { FacilityForm } from './FacilityForm'
import { OperatorsCard } from './OperatorsCard'
import { FeedbackCard } from './FeedbackCard'
import { PriceChangesCard } from './PriceChangesCard'
import { RulesCard } from './RulesCard'
import { SchoolBreaksCard } from './SchoolBreaksCard'
import { SurveysCard } from './SurveysCard'
import { AnnouncementsCard } from './AnnouncementsCard'
import { SheetCard, counted } from './SheetCard'
import { StatusMessage } from './StatusMessage'
import { type Message, useSubmit } from '@/hooks/use-submit'
import './index.scss'

const FUNCTION_NAMES = Object.fromEntries(FUNCTIONS.map((f) => [f.code, f.name])) as Record<FunctionCode, string>

/** 设施管理 for street and district staff: each facility's phone, hours, functions and more; who changed what. */
export default function FacilityAdminPage() {
  const list = useRemote(fetchAdminFacilities, 'admin-facilities')
  const audit = useRemote(fetchAudit, 'admin-audit')
  const [editing, setEditing] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  // The outcome of 新增设施, said where the form was once it closes.
  const created = useState<Message>(null)
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
                <FacilityForm key={f.id} facility={f} choices={data} onDone={() => setEditing(null)} onSaved={changed} />
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
            {creating ? (
              <FacilityForm choices={data} shared={created} onDone={() => setCreating(false)} onSaved={changed} />
            ) : (
              <View className='card'>
                <StatusMessage message={created[0]} />
                <Button className='tap button button--primary' onClick={() => { created[1](null); setCreating(true) }}>新增设施</Button>
              </View>
            )}
            <SheetCard
              title='用 Excel 批量维护'
              hint='下载清单，在 Excel 中修改或增加设施后导入；同一编号会更新，不会重复。'
              base='/admin/facilities'
              fileName='设施清单'
              labels={['下载设施清单', '下载空白模板', '导入设施清单']}
              result={importResultSchema}
              describe={(done) =>
                `已导入：${counted([
                  [done.created, (l) => `新增 ${l.length} 个`],
                  [done.updated, (l) => `更新 ${l.length} 个`],
                  [done.unchanged, (l) => `${l.length} 个没有变化`],
                  [done.newCommunities, (l) => `新建社区：${l.join('、')}`],
                ])}`
              }
              onImported={changed}
            />
            <StaffGrants onChanged={audit.reload} />
            <RulesCard facilities={data.facilities} onChanged={audit.reload} />
            <SchoolBreaksCard onChanged={audit.reload} />
            <PriceChangesCard />
            <FeedbackCard />
            <SurveysCard streets={streetsOf(data.communities)} />
            <AnnouncementsCard streets={streetsOf(data.communities)} />
            <OperatorsCard onChanged={changed} />
            <AuditLog remote={audit} facilities={data.facilities} />
          </View>
        )}
      </RemoteContent>
    </Page>
  )
}

/** The streets the clerk's communities are in: a street office's own, or every street for the district. */
const streetsOf = (communities: { streetId: string; street: string }[]) => [...new Map(communities.map((c) => [c.streetId, { id: c.streetId, name: c.street }])).values()]

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
      <StatusMessage message={message} />
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
  operatingModels: '运营模式', investmentWan: '投资额', functionHours: '各项服务的开放时间', retiredAt: '停用时间', contact: '联系人', licenceNo: '统一社会信用代码',
}
const ACTION_NAMES: Record<AuditEntry['action'], string> = { create: '新增', edit: '修改', retire: '停用', reopen: '恢复', grant: '授权', revoke: '撤销授权' }
// A row of hours, or a function's own hours (its function and rows).
const shownObject = (v: { days?: string; opens?: string; closes?: string; function?: FunctionCode; hours?: unknown }): string =>
  v.function ? `${FUNCTION_NAMES[v.function]} ${shown(v.hours)}` : `${v.days} ${v.opens}—${v.closes}`
const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '（空）'
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v ? shownObject(v) : FUNCTION_NAMES[v as FunctionCode] ?? String(v))).join('、')
  }
  if (typeof value === 'boolean') return value ? '是' : '否'
  return String(value)
}
const RULE_NAMES: Record<string, string> = { rating: '评价规则', 'no-show:meal': '助餐未到场规则', 'subsidy-tiers:meal': '助餐补贴标准', evaluation: '运营评估规则' }
const ruleName = (id: string, nameOf: (id: string) => string): string => {
  const booking = id.match(/^booking:(.+):([a-z_]+)$/)
  if (booking) return `${nameOf(booking[1])} ${FUNCTION_NAMES[booking[2] as FunctionCode] ?? booking[2]} 预约规则`
  return RULE_NAMES[id] ?? id.replace(/^calendar:(\d+)$/, '$1 年节假日')
}
const subjectOf = (e: AuditEntry, nameOf: (id: string) => string): string => {
  if (e.entity === 'facility') return nameOf(e.entityId)
  if (e.entity === 'staff') return `账号 ${e.entityId.slice(0, 8)}`
  if (e.entity === 'rule') return ruleName(e.entityId, nameOf)
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
