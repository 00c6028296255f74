import { Text, View } from '@tarojs/components'
import type { FunctionCode } from '@shared/functions'
import { functionName } from '@shared/function-list'
import './index.scss'

/** A facility's functions as labelled tags. */
export function FunctionTags({ codes, className }: { codes: readonly FunctionCode[]; className: string }) {
  return (
    <View className={className}>
      {codes.map((code) => (
        <Text key={code} className='tag'>
          {functionName(code)}
        </Text>
      ))}
    </View>
  )
}
