import { Text, View } from '@tarojs/components'
import { NETWORK_FAILED } from '@/api/client'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'

interface FailureNoteProps {
  /** What went wrong, as cleanError says it; nothing to show when null. */
  text: string | null
  /** The tap to do again: offered as 重试 when the network was the trouble (a refusal is not retried). */
  onRetry?: () => void
  textClass: string
  className?: string
}

/** Why the last tap did not go through, read out (role=alert); with the network down, 重试 beside it. */
export function FailureNote({ text, onRetry, textClass, className }: FailureNoteProps) {
  if (!text) return null
  return (
    <View {...roleProps('alert')} className={className}>
      <Text className={textClass}>{text}</Text>
      {text === NETWORK_FAILED && onRetry && (
        <Button className='tap button' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}
