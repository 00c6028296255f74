import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchSuspensions, liftSuspension } from '@/api/staff'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { useRemote } from '@/hooks/use-remote'
import { dayAndClock } from '@/lib/dates'
import { Button } from '@/components/Button'
import './staff-controls.scss'

/** 暂停预约的居民: who the no-show rule has suspended, why and until when; the desk may lift it. */
export function Suspensions({ facilityId }: { facilityId: string }) {
  const suspensions = useRemote(() => fetchSuspensions(facilityId), facilityId)
  const [message, setMessage] = useState<string | null>(null)
  const lift = async (id: string, name: string) => {
    try {
      await liftSuspension(facilityId, id)
      setMessage(`已恢复 ${name} 的预约`)
      await suspensions.reload()
    } catch (err) {
      setMessage(cleanError(err))
    }
  }
  return (
    <View className='card no-print staff-controls'>
      <Text className='section-title'>暂停预约的居民</Text>
      <RemoteContent remote={suspensions}>
        {(list) =>
          list.length === 0 ? (
            <Text className='muted'>没有</Text>
          ) : (
            list.map((s) => (
              <View key={s.id} className='staff-controls__row'>
                <Text>
                  {s.name}：{s.reason}，至 {dayAndClock(s.until)}
                </Text>
                <Button className='tap button' onClick={() => lift(s.id, s.name)}>
                  解除暂停
                </Button>
              </View>
            ))
          )
        }
      </RemoteContent>
      <StatusLine text={message} />
    </View>
  )
}
