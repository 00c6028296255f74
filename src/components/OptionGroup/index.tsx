import { Text, View } from '@tarojs/components'
import { onKeys, pressable, radioArrowKeys, roleProps } from '@/components/a11y'
import './index.scss'

export interface Option<T extends string> {
  value: T
  label: string
  /** A second line: what remains, a price, why it cannot be chosen. */
  sub?: string
  disabled?: boolean
}

interface OptionGroupProps<T extends string> {
  label: string
  options: Option<T>[]
  value: T | undefined
  onChange: (value: T) => void
  /** Stack options one per row (long labels, 长辈版 menus). */
  vertical?: boolean
}

/**
 * One choice among several: a radio group. The chosen one carries ✓ as well as colour, a disabled one says why.
 * Tab enters the group at the chosen option (or the first that can be chosen), the arrow keys move the choice,
 * Enter or Space chooses the focused option.
 */
export function OptionGroup<T extends string>({ label, options, value, onChange, vertical }: OptionGroupProps<T>) {
  const values = options.map((o) => o.value)
  const enabled = (v: T) => !options.find((o) => o.value === v)?.disabled
  const focusable = values.includes(value as T) ? value : values.find(enabled)
  const arrows = radioArrowKeys(values, enabled, value ?? focusable, onChange, String)
  return (
    <View className={`options${vertical ? ' options--vertical' : ''}`} {...roleProps('radiogroup', label)} {...onKeys(arrows)}>
      {options.map((option) => (
        <OptionChip
          key={option.value}
          option={option}
          role='radio'
          selected={option.value === value}
          tabIndex={option.value === focusable ? 0 : -1}
          onPress={() => onChange(option.value)}
        />
      ))}
    </View>
  )
}

/** One chip of a group: a radio or a checkbox, chosen with ✓ as well as colour, a disabled one saying why. */
export function OptionChip<T extends string>({
  option,
  role,
  selected,
  tabIndex = 0,
  onPress,
}: { option: Option<T>; role: 'radio' | 'checkbox'; selected: boolean; tabIndex?: 0 | -1; onPress: () => void }) {
  const classes = ['tap', 'option', selected && 'option--selected', option.disabled && 'option--disabled']
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      {...pressable({ role, disabled: option.disabled, tabIndex, onPress })}
      aria-checked={selected ? 'true' : 'false'}
      data-value={option.value}
    >
      <Text className='option__label'>{selected ? `✓ ${option.label}` : option.label}</Text>
      {option.sub && <Text className='option__sub'>{option.sub}</Text>}
    </View>
  )
}
