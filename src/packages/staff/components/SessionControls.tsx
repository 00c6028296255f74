import { View } from '@tarojs/components'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { changeSessionCapacity } from '@/api/staff'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import { Button } from '@/components/Button'
import './staff-controls.scss'

interface SessionControlsProps {
  facilityId: string
  sessionId: string
  capacity: number
  onChanged: () => void
}

/** 调整容量: the server refuses less than what is booked and says how many are. */
export function SessionControls({ facilityId, sessionId, capacity, onChanged }: SessionControlsProps) {
  const [value, setValue] = useState(String(capacity))
  const [message, setMessage] = useState<string | null>(null)
  const save = async () => {
    setMessage(null)
    try {
      const result = await changeSessionCapacity(facilityId, sessionId, Number(value))
      setMessage(`已调整为 ${result.capacity} 份`)
      onChanged()
    } catch (err) {
      setMessage(cleanError(err))
    }
  }
  return (
    <View className='no-print staff-controls'>
      <TextField label='容量（份）' type='number' value={value} onChange={setValue} maxLength={5} />
      <Button className='tap button' disabled={!/^\d+$/.test(value) || Number(value) === capacity} onClick={save}>
        保存容量
      </Button>
      <StatusLine text={message} />
    </View>
  )
}
