import { Input, Text, View } from '@tarojs/components'
import { fieldLabel, roleProps } from '@/components/a11y'
import './index.scss'

interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength: number
  /** 'number' brings up the number pad (a birth date typed as 8 digits). */
  type?: 'text' | 'number'
  hint?: string
  /** What is wrong with the value, said under the field (and to a screen reader) before anything is sent. */
  error?: string
  /** Enter on the keyboard (完成 / 搜索 on a phone's): e.g. look the code up. */
  onConfirm?: () => void
  confirmType?: 'done' | 'search' | 'go' | 'next' | 'send'
}

/** A labelled text box with a big touch area; the label is also its accessible name. */
export function TextField({ label, value, onChange, placeholder, maxLength, type = 'text', hint, error, onConfirm, confirmType }: TextFieldProps) {
  return (
    <View className='text-field'>
      <Text className='text-field__label'>{label}</Text>
      <Input
        className='text-field__input'
        type={type}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        confirmType={confirmType}
        {...fieldLabel(label, Boolean(error))}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onConfirm ? () => onConfirm() : undefined}
      />
      {error ? (
        <View className='text-field__error' {...roleProps('alert')}>
          {error}
        </View>
      ) : (
        hint && <Text className='muted'>{hint}</Text>
      )}
    </View>
  )
}
