import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import './index.scss'

interface StepperProps {
  label: string
  value: number
  min: number
  max: number
  unit: string
  onChange: (value: number) => void
}

/** − n + with big buttons; the bounds come from the server's rules. */
export function Stepper({ label, value, min, max, unit, onChange }: StepperProps) {
  return (
    <View className='stepper' aria-label={label}>
      <Button
        className='tap button stepper__button'
        disabled={value <= min}
        aria-label={`减少${label}`}
        onClick={() => onChange(Math.max(min, value - 1))}
      >
        −
      </Button>
      <Text className='stepper__value' aria-live='polite'>
        {value} {unit}
      </Text>
      <Button
        className='tap button stepper__button'
        disabled={value >= max}
        aria-label={`增加${label}`}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        ＋
      </Button>
      <Text className='muted'>每次最多 {max} {unit}</Text>
    </View>
  )
}
