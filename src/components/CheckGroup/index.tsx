import { Text, View } from '@tarojs/components'
import { pressable, roleProps } from '@/components/a11y'
import type { Option } from '@/components/OptionGroup'
import '@/components/OptionGroup/index.scss'

interface CheckGroupProps<T extends string> {
  label: string
  options: Option<T>[]
  values: T[]
  onChange: (values: T[]) => void
  vertical?: boolean
}

/**
 * Several choices among several: checkboxes drawn as the chips of OptionGroup. Each is in the Tab order; Enter or
 * Space turns it on or off; a chosen one carries ✓ as well as colour.
 */
export function CheckGroup<T extends string>({ label, options, values, onChange, vertical }: CheckGroupProps<T>) {
  const toggle = (value: T) => onChange(values.includes(value) ? values.filter((v) => v !== value) : [...values, value])
  return (
    <View className={`options${vertical ? ' options--vertical' : ''}`} {...roleProps('group', label)}>
      {options.map((option) => {
        const selected = values.includes(option.value)
        const classes = ['tap', 'option', selected && 'option--selected', option.disabled && 'option--disabled']
        return (
          <View
            key={option.value}
            className={classes.filter(Boolean).join(' ')}
            {...pressable({ role: 'checkbox', disabled: option.disabled, onPress: () => toggle(option.value) })}
            aria-checked={selected ? 'true' : 'false'}
            data-value={option.value}
          >
            <Text className='option__label'>{selected ? `✓ ${option.label}` : option.label}</Text>
            {option.sub && <Text className='option__sub'>{option.sub}</Text>}
          </View>
        )
      })}
    </View>
  )
}
