import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import './index.scss'

interface ConfirmBoxProps {
  /** The question, naming what will happen to whom: "确定将 张桂兰 的 … 记为未到场吗？". */
  question: string
  confirm: string
  decline: string
  busy?: boolean
  onConfirm: () => void
  onDecline: () => void
  className?: string
}

/** A question asked in the page before a step that is hard to take back (no pop-up: 适老化 asks for none). */
export function ConfirmBox({ question, confirm, decline, busy = false, onConfirm, onDecline, className = '' }: ConfirmBoxProps) {
  return (
    <View className={`confirm-box ${className}`} {...roleProps('group')} aria-label={confirm}>
      <Text>{question}</Text>
      <View className='confirm-box__actions'>
        <Button className='tap button button--primary' disabled={busy} onClick={onConfirm}>
          {confirm}
        </Button>
        <Button className='tap button' onClick={onDecline}>
          {decline}
        </Button>
      </View>
    </View>
  )
}
