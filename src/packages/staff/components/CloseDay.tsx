import { Button, Text, View } from '@tarojs/components'
import type { FunctionCode } from '@shared/functions'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { closeFacilityDay } from '@/api/staff'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import './staff-controls.scss'

interface CloseDayProps {
  facilityId: string
  fn: FunctionCode
  /** 社区助餐, 婴幼儿托育 …: said in the confirmation. */
  serviceName: string
  date: string
  onClosed: () => void
}

/** 停业: closes the day's meals and cancels their bookings; the residents get the reason as a message. */
export function CloseDay({ facilityId, fn, serviceName, date, onClosed }: CloseDayProps) {
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const close = async () => {
    setMessage(null)
    try {
      const result = await closeFacilityDay(facilityId, fn, date, reason.trim())
      setMessage(`已停业，取消了 ${result.cancelledBookings} 笔预约，居民会收到通知`)
      setConfirming(false)
      onClosed()
    } catch (err) {
      setMessage(cleanError(err))
    }
  }
  return (
    <View className='card no-print staff-controls'>
      <Text className='section-title'>当天停业</Text>
      <TextField label='停业原因' value={reason} onChange={setReason} maxLength={100} placeholder='例如 厨房设备检修' />
      {confirming ? (
        <View className='staff-controls__row'>
          <Text>
            将取消 {date} 全部{serviceName}预约，确定吗？
          </Text>
          <Button className='tap button button--primary' onClick={close}>
            确定停业
          </Button>
          <Button className='tap button' onClick={() => setConfirming(false)}>
            不停业
          </Button>
        </View>
      ) : (
        <Button className='tap button' disabled={reason.trim().length < 2} onClick={() => setConfirming(true)}>
          停业并通知居民
        </Button>
      )}
      <StatusLine text={message} />
    </View>
  )
}
