import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { goHome } from '@/components/SubPageNav'
import './index.scss'

type StateViewProps =
  | { kind: 'loading'; text?: string }
  | { kind: 'empty'; text: string; hint?: string; action?: { label: string; onTap: () => void } }
  | { kind: 'error'; text: string; onRetry: () => void }

/** The loading, empty and error states every screen shows the same way. */
export function StateView(props: StateViewProps) {
  if (props.kind === 'loading') {
    return (
      <View className='state' aria-busy='true'>
        <Text>{props.text ?? '正在加载…'}</Text>
      </View>
    )
  }
  if (props.kind === 'error') {
    return (
      <View className='state state--error' {...roleProps('alert')}>
        <Text className='state__text'>{props.text}</Text>
        <Button className='tap button button--primary' onClick={props.onRetry}>
          重试
        </Button>
        <Button className='tap button' onClick={goHome}>
          返回首页
        </Button>
      </View>
    )
  }
  return (
    <View className='state'>
      <Text className='state__text'>{props.text}</Text>
      {props.hint && <Text className='muted state__hint'>{props.hint}</Text>}
      {props.action && (
        <Button className='tap button' onClick={props.action.onTap}>
          {props.action.label}
        </Button>
      )}
    </View>
  )
}
