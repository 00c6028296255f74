import { Text, View } from '@tarojs/components'
import type { Facility } from '@shared/facility'
import './OpenNow.scss'

/** 「营业中 · 今天 08:00–20:00 · 20:00 休息」 as the server reckoned it at its own now (Asia/Shanghai). */
export function OpenNow({ facility }: { facility: Pick<Facility, 'openNow'> }) {
  const { status, label, todayHours, next } = facility.openNow
  if (status === 'not_open') {
    return (
      <View className='open-now open-now--not_open'>
        <Text className='open-now__label'>{label}</Text>
        <Text className='muted'>尚未建成开放</Text>
      </View>
    )
  }
  return (
    <View className={`open-now open-now--${status}`}>
      <Text className='open-now__label'>{label}</Text>
      <Text className='muted'>{[todayHours ? `今天 ${todayHours}` : '今天不开放', next].filter(Boolean).join(' · ')}</Text>
    </View>
  )
}
