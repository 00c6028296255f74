import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { type AdminOperator, operatorCreateSchema, operatorEditSchema } from '@shared/admin'
import { useState } from 'react'
import { addOperator, fetchOperators, saveOperator } from '@/api/admin'
import { cleanError } from '@/api/api-error'
import { TextField } from '@/components/TextField'
import { useRemote } from '@/hooks/use-remote'
import { StatusMessage } from './StatusMessage'

type Draft = { id: string; name: string; contact: string; licenceNo: string }
const draftOf = (o?: AdminOperator): Draft => ({ id: o?.id ?? '', name: o?.name ?? '', contact: o?.contact ?? '', licenceNo: o?.licenceNo ?? '' })
const fieldsOf = (d: Draft) => ({ name: d.name, contact: d.contact.trim() || null, licenceNo: d.licenceNo.trim() || null })

/** 运营方: who runs the facilities, as residents read it on every facility page. Changed by district staff. */
export function OperatorsCard({ onChanged }: { onChanged: () => Promise<unknown> }) {
  const operators = useRemote(fetchOperators, 'admin-operators')
  const [editing, setEditing] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft>(draftOf())
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  // Operators are the district's to keep: a street office is not shown a form the server would refuse.
  if (!operators.data?.canEdit) return null

  const open = (o?: AdminOperator) => {
    setEditing(o?.id ?? 'new')
    setDraft(draftOf(o))
    setErrors({})
    setMessage(null)
  }
  const save = async () => {
    const isNew = editing === 'new'
    const parsed = isNew ? operatorCreateSchema.safeParse({ id: draft.id.trim(), ...fieldsOf(draft) }) : operatorEditSchema.safeParse(fieldsOf(draft))
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message])))
      return
    }
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      if (isNew) await addOperator(parsed.data as Parameters<typeof addOperator>[0])
      else await saveOperator(editing as string, parsed.data)
      await Promise.all([operators.reload(), onChanged()])
      setEditing(null)
      setMessage({ kind: 'ok', text: isNew ? '运营方已添加' : '已保存，设施页面已更新' })
    } catch (err) {
      setMessage({ kind: 'error', text: cleanError(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card admin__operators'>
      <Text className='section-title'>运营方</Text>
      {operators.data.operators.map((o) =>
        editing === o.id ? null : (
          <View key={o.id} className='admin__entry'>
            <Text className='admin__line'>{o.name}</Text>
            <Text className='admin__line muted'>编号 {o.id} · 联系人 {o.contact ?? '未填写'} · 信用代码 {o.licenceNo ?? '未填写'}</Text>
            <Button className='tap button' onClick={() => open(o)}>修改 {o.name}</Button>
          </View>
        ),
      )}
      {editing ? (
        <View className='admin__form'>
          {editing === 'new' && <TextField label='运营方编号' value={draft.id} onChange={(v) => setDraft({ ...draft, id: v })} maxLength={64} placeholder='例如 xa-hongqi-care' error={errors.id} />}
          <TextField label='运营方名称' value={draft.name} onChange={(v) => setDraft({ ...draft, name: v })} maxLength={60} error={errors.name} />
          <TextField label='联系人' value={draft.contact} onChange={(v) => setDraft({ ...draft, contact: v })} maxLength={60} error={errors.contact} />
          <TextField label='统一社会信用代码' value={draft.licenceNo} onChange={(v) => setDraft({ ...draft, licenceNo: v })} maxLength={18} error={errors.licenceNo} />
          <Button className='tap button button--primary' disabled={busy} onClick={save}>保存运营方</Button>
          <Button className='tap button' onClick={() => setEditing(null)}>不保存</Button>
        </View>
      ) : (
        <Button className='tap button' onClick={() => open()}>添加运营方</Button>
      )}
      <StatusMessage message={message} />
    </View>
  )
}
