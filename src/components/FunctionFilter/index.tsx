import { ScrollView, Text, View } from '@tarojs/components'
import { FUNCTIONS, type FunctionCode } from '@shared/functions'
import './index.scss'

interface FunctionFilterProps {
  value: FunctionCode | undefined
  onChange: (value: FunctionCode | undefined) => void
}

const OPTIONS: { code: FunctionCode | undefined; name: string }[] = [{ code: undefined, name: '全部' }, ...FUNCTIONS]

/** The nine functions as chips; the chosen one is marked with ✓ as well as colour. */
export function FunctionFilter({ value, onChange }: FunctionFilterProps) {
  return (
    <ScrollView scrollX className='function-filter' enhanced showScrollbar={false}>
      <View className='function-filter__row' role='radiogroup' aria-label='按服务筛选'>
        {OPTIONS.map((option) => {
          const selected = option.code === value
          return (
            <View
              key={option.code ?? 'all'}
              className={`tap chip${selected ? ' chip--selected' : ''}`}
              role='radio'
              aria-checked={selected}
              onClick={() => onChange(option.code)}
            >
              <Text>{selected ? `✓ ${option.name}` : option.name}</Text>
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
