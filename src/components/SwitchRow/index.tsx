import { Text, View } from '@tarojs/components'
import { pressable } from '@/components/a11y'
import './index.scss'

interface SwitchRowProps {
  /** What is switched: also the switch's accessible name. */
  label: string
  /** A line under the label (what it does). */
  hint?: string
  checked: boolean
  onChange: (checked: boolean) => void
  className?: string
}

/**
 * An on/off setting as one row: the whole row (≥ 44 px, 60 px in 长辈版) is the switch, named by its label, toggled by
 * a tap, Enter or Space, and says 开 / 关 in words beside the drawn knob (colour is never the only cue). Drawn with
 * views, not Taro's Switch, whose H5 checkbox carries no label and shrinks to 36 × 32 px.
 */
export function SwitchRow({ label, hint, checked, onChange, className = '' }: SwitchRowProps) {
  return (
    <View
      className={`tap switch-row${checked ? ' switch-row--on' : ''} ${className}`}
      {...pressable({ role: 'switch', label, onPress: () => onChange(!checked) })}
      aria-checked={checked ? 'true' : 'false'}
    >
      <View className='switch-row__text'>
        <Text className='switch-row__label'>{label}</Text>
        {hint && <Text className='muted switch-row__hint'>{hint}</Text>}
      </View>
      <View className='switch-row__control'>
        <View className='switch-row__track'>
          <View className='switch-row__knob' />
        </View>
        <Text className='switch-row__state'>{checked ? '开' : '关'}</Text>
      </View>
    </View>
  )
}
