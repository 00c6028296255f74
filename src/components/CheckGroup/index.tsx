import { View } from '@tarojs/components'
import { type Option, OptionChip } from '@/components/OptionGroup'
import { roleProps } from '@/components/a11y'

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
      {options.map((option) => (
        <OptionChip key={option.value} option={option} role='checkbox' selected={values.includes(option.value)} onPress={() => toggle(option.value)} />
      ))}
    </View>
  )
}
