import { Text, View } from '@tarojs/components'
import { roleProps } from '@/components/a11y'

/** The answer to what was just done ("已保存…", or the server's refusal), read out by screen readers. */
export function StatusLine({ text }: { text: string | null }) {
  if (!text) return null
  return (
    <View {...roleProps('status')}>
      <Text>{text}</Text>
    </View>
  )
}
