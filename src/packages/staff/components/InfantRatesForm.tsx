import { Text, View } from '@tarojs/components'
import { INFANT_CARE_TYPE_NAMES, INFANT_CLASSES } from '@shared/care'
import { INFANT_RATE_TYPES, INFANT_RATE_UNITS, type InfantRates } from '@shared/schedule'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchInfantRates, saveInfantRates } from '@/api/staff'
import { Button } from '@/components/Button'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import { useRemote } from '@/hooks/use-remote'
import { yuanToFen } from '@/lib/money'

type Rate = InfantRates['rates'][number]
const keyOf = (classCode: string, careType: string) => `${classCode}|${careType}`

/** 半日托、计时托、临时托 prices per class: they price bookings from today; a price left empty means not offered. */
export function InfantRatesForm({ facilityId }: { facilityId: string }) {
  const rates = useRemote(() => fetchInfantRates(facilityId), `infant-rates-${facilityId}`)
  const [message, setMessage] = useState<string | null>(null)
  return (
    <View className='staff-controls'>
      <Text className='section-title'>半日托、计时托、临时托价格</Text>
      <RemoteContent remote={rates}>
        {(list) => (
          <RatesForm
            key={JSON.stringify(list)}
            rates={list}
            setMessage={setMessage}
            onSave={async (next) => {
              await saveInfantRates(facilityId, next)
              await rates.reload()
            }}
          />
        )}
      </RemoteContent>
      <StatusLine text={message} />
    </View>
  )
}

interface RatesFormProps {
  rates: Rate[]
  setMessage: (message: string | null) => void
  onSave: (rates: Rate[]) => Promise<void>
}

function RatesForm({ rates, setMessage, onSave }: RatesFormProps) {
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(rates.map((r) => [keyOf(r.classCode, r.careType), String(r.priceFen / 100)])),
  )
  const [saving, setSaving] = useState(false)
  const save = async () => {
    setMessage(null)
    const bad = Object.entries(texts).find(([, text]) => text.trim() !== '' && yuanToFen(text) === null)
    if (bad) {
      const [classCode, careType] = bad[0].split('|')
      const name = INFANT_CLASSES.find((c) => c.code === classCode)?.name ?? ''
      setMessage(`${name}${INFANT_CARE_TYPE_NAMES[careType as Rate['careType']]}的价格应为数字，最多两位小数（例如 45.5）`)
      return
    }
    setSaving(true)
    const next = INFANT_CLASSES.flatMap((c) =>
      INFANT_RATE_TYPES.flatMap((careType) => {
        const text = texts[keyOf(c.code, careType)]?.trim() ?? ''
        // What is not a number goes as it is, for the server to name it.
        return text === '' ? [] : [{ classCode: c.code, careType, priceFen: yuanToFen(text) ?? Number.NaN }]
      }),
    )
    try {
      await onSave(next)
      setMessage('价格已保存：今天起新的预约按新价格计算，已预约的不变')
    } catch (err) {
      setMessage(cleanError(err))
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className='staff-controls'>
      <Text className='muted'>留空表示不提供该类型。</Text>
      {INFANT_CLASSES.map((c) => (
        <View key={c.code} className='staff-controls__row'>
          {INFANT_RATE_TYPES.map((careType) => (
            <TextField
              key={careType}
              label={`${c.name}${INFANT_CARE_TYPE_NAMES[careType]}（${INFANT_RATE_UNITS[careType]}）`}
              value={texts[keyOf(c.code, careType)] ?? ''}
              onChange={(v) => setTexts({ ...texts, [keyOf(c.code, careType)]: v })}
              maxLength={8}
            />
          ))}
        </View>
      ))}
      <Button className='tap button' onClick={save} disabled={saving}>
        {saving ? '正在保存…' : '保存托育价格'}
      </Button>
    </View>
  )
}
