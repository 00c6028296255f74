import { View } from '@tarojs/components'
import { roleProps } from '@/components/a11y'
import type { Message } from '@/hooks/use-submit'

/** The outcome of a save or an import, read out by screen readers (a status region). */
export function StatusMessage({ message, children }: { message: Message; children?: React.ReactNode }) {
  if (!message) return null
  return (
    <View className={`admin__message admin__message--${message.kind}`} {...roleProps('status')}>
      {message.text}
      {children}
    </View>
  )
}

/** What is wrong with a field that is not a text box (a group of choices), said beneath it as TextField does. */
export const FieldError = ({ text }: { text?: string }) =>
  text ? (
    <View className='text-field__error' {...roleProps('alert')}>
      {text}
    </View>
  ) : null
