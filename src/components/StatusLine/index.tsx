import { Text, View } from '@tarojs/components'

/** The answer to what was just done ("已保存…", or the server's refusal), read out by screen readers. */
export function StatusLine({ text }: { text: string | null }) {
  if (!text) return null
  return (
    <View role='status'>
      <Text>{text}</Text>
    </View>
  )
}
