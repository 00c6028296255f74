import { Text, View } from '@tarojs/components'
import { roleProps } from '@/components/a11y'
import type { PolicySection } from './policy-text'

/** A policy as sections with their headings: read top to bottom, the headings reachable by a screen reader. */
export function PolicyDocument({ sections }: { sections: PolicySection[] }) {
  return (
    <View>
      {sections.map((section) => (
        <View key={section.heading} className='card'>
          <View className='section-title' {...roleProps('heading')} aria-level='2'>
            {section.heading}
          </View>
          {section.paragraphs.map((p) => (
            <Text key={p} className='policy__paragraph'>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
