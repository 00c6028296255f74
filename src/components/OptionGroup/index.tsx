import { Text, View } from '@tarojs/components'
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

/** One choice among several; the chosen one carries ✓ as well as colour, a disabled one says why. */
export function OptionGroup<T extends string>({ label, options, value, onChange, vertical }: OptionGroupProps<T>) {
  return (
    <View className={`options${vertical ? ' options--vertical' : ''}`} role='radiogroup' aria-label={label}>
      {options.map((option) => {
        const selected = option.value === value
        const classes = ['tap', 'option', selected && 'option--selected', option.disabled && 'option--disabled']
        return (
          <View
            key={option.value}
            className={classes.filter(Boolean).join(' ')}
            role='radio'
            aria-checked={selected}
            aria-disabled={option.disabled ? 'true' : undefined}
            data-value={option.value}
            onClick={() => !option.disabled && onChange(option.value)}
          >
            <Text className='option__label'>{selected ? `✓ ${option.label}` : option.label}</Text>
            {option.sub && <Text className='option__sub'>{option.sub}</Text>}
          </View>
        )
      })}
    </View>
  )
}
