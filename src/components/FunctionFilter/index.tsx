import { ScrollView, Text, View } from '@tarojs/components'
import { FUNCTIONS } from '@shared/function-list'
import type { FunctionCode } from '@shared/functions'
import { onKeys, pressable, radioArrowKeys, roleProps } from '@/components/a11y'
import './index.scss'

interface FunctionFilterProps {
  value: FunctionCode | undefined
  onChange: (value: FunctionCode | undefined) => void
}

const OPTIONS: { code: FunctionCode | undefined; name: string }[] = [{ code: undefined, name: '全部' }, ...FUNCTIONS]
const CODES = OPTIONS.map((o) => o.code)
const domValue = (code: FunctionCode | undefined) => code ?? 'all'

/** The nine functions as chips (a radio group, arrow keys move the choice); the chosen one is marked with ✓ as well as colour. */
export function FunctionFilter({ value, onChange }: FunctionFilterProps) {
  const arrows = radioArrowKeys(CODES, () => true, value, onChange, domValue)
  return (
    <ScrollView scrollX className='function-filter' enhanced showScrollbar={false}>
      <View className='function-filter__row' {...roleProps('radiogroup', '按服务筛选')} {...onKeys(arrows)}>
        {OPTIONS.map((option) => {
          const selected = option.code === value
          return (
            <View
              key={domValue(option.code)}
              className={`tap chip${selected ? ' chip--selected' : ''}`}
              {...pressable({ role: 'radio', tabIndex: selected ? 0 : -1, onPress: () => onChange(option.code) })}
              aria-checked={selected ? 'true' : 'false'}
              data-value={domValue(option.code)}
            >
              <Text>{selected ? `✓ ${option.name}` : option.name}</Text>
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
