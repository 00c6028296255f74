import { TextField } from '@/components/TextField'
import type { FieldErrors } from '@/hooks/use-submit'

export interface NumberFieldSpec<K extends string> {
  key: K
  label: string
  maxLength: number
  hint?: string | ((text: string) => string | undefined)
  /** An empty box means none (null) rather than a missing number. */
  optional?: boolean
}

export type NumberTexts<K extends string> = Record<K, string>

/** The numbers as text boxes hold them. */
export const textsOf = <K extends string>(specs: readonly NumberFieldSpec<K>[], values: Record<K, number | null>): NumberTexts<K> =>
  Object.fromEntries(specs.map((s) => [s.key, values[s.key] === null ? '' : String(values[s.key])])) as NumberTexts<K>

/** The text boxes as numbers for the contract's schema: an empty box is NaN (for the schema to name) or null when optional. */
export const numbersOf = <K extends string>(specs: readonly NumberFieldSpec<K>[], texts: NumberTexts<K>): Record<K, number | null> =>
  Object.fromEntries(specs.map((s) => [s.key, texts[s.key].trim() === '' ? (s.optional ? null : Number.NaN) : Number(texts[s.key])])) as Record<K, number | null>

interface NumberFieldsProps<K extends string> {
  specs: readonly NumberFieldSpec<K>[]
  texts: NumberTexts<K>
  onChange: (texts: NumberTexts<K>) => void
  errors: FieldErrors
  /** Where these fields sit in the contract (`weights.`), for the errors that name them. */
  path?: string
}

/** A run of labelled number boxes, each with what is wrong with it (from the form's check or the server) beneath. */
export function NumberFields<K extends string>({ specs, texts, onChange, errors, path = '' }: NumberFieldsProps<K>) {
  return (
    <>
      {specs.map((s) => (
        <TextField
          key={s.key}
          label={s.label}
          value={texts[s.key]}
          onChange={(v) => onChange({ ...texts, [s.key]: v })}
          maxLength={s.maxLength}
          hint={typeof s.hint === 'function' ? s.hint(texts[s.key]) : s.hint}
          error={errors[`${path}${s.key}`]}
        />
      ))}
    </>
  )
}

/** 90 → 「1 小时 30 分钟」, 1440 → 「1 天」: a rule's minutes in the words a clerk checks them by. */
export function inWords(minutes: number): string {
  if (minutes === 0) return '0 分钟'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  return [days && `${days} 天`, hours && `${hours} 小时`, rest && `${rest} 分钟`].filter(Boolean).join(' ')
}

/** 「120」 → 「即开始前 2 小时」, under a box of minutes before the start. */
export function beforeStart(text: string): string | undefined {
  const minutes = Number(text)
  if (text.trim() === '' || !Number.isInteger(minutes) || minutes < 0) return undefined
  return minutes === 0 ? '即开始时' : `即开始前 ${inWords(minutes)}`
}
