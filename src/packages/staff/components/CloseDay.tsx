import { Text, View } from '@tarojs/components'
import type { FunctionCode } from '@shared/functions'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { closeFacilityDay, reopenFacilityDay } from '@/api/staff'
import { ConfirmBox } from '@/components/ConfirmBox'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import { dayName, shanghaiToday } from '@/lib/dates'
import { Button } from '@/components/Button'
import './staff-controls.scss'

interface CloseDayProps {
  facilityId: string
  fn: FunctionCode
  /** 社区助餐, 婴幼儿托育 …: said in the confirmation. */
  serviceName: string
  /** The day on screen, 'YYYY-MM-DD'. */
  date: string
  /** Why the day is closed, when it is (its sessions are closed); null while it is open. */
  closedReason: string | null
  onChanged: () => void
}

/**
 * 停业: closes the day's sessions and cancels their bookings; the residents get the reason as a message.
 * 恢复营业: opens a closed day again; the bookings cancelled stay cancelled, and the clerk is told to tell them.
 */
export function CloseDay({ facilityId, fn, serviceName, date, closedReason, onChanged }: CloseDayProps) {
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const day = dayName(date)
  const send = async (work: () => Promise<string>) => {
    setBusy(true)
    setMessage(null)
    try {
      setMessage(await work())
      setConfirming(false)
      onChanged()
    } catch (err) {
      setMessage(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  const close = () =>
    send(async () => {
      const result = await closeFacilityDay(facilityId, fn, date, reason.trim())
      return [
        `${day}已停业，取消了 ${result.cancelledBookings} 笔预约，居民会收到通知`,
        result.refunds > 0 ? `其中 ${result.refunds} 笔已签到付款，请为居民退款` : '',
        result.alreadyStarted.length > 0 ? `已经开始的${result.alreadyStarted.join('、')}照常，不受影响` : '',
      ]
        .filter(Boolean)
        .join('；')
    })
  const reopen = () =>
    send(async () => {
      const { cancelledBookings } = await reopenFacilityDay(facilityId, fn, date)
      return cancelledBookings > 0
        ? `已恢复营业；停业时取消的 ${cancelledBookings} 笔预约不会自动恢复，请通知居民重新预约`
        : '已恢复营业，居民现在可以预约'
    })
  return (
    <View className='card no-print staff-controls'>
      <Text className='section-title'>停业 · {day}</Text>
      {closedReason === null && date < shanghaiToday() ? (
        <Text className='muted'>{day}已经过去，不能停业。</Text>
      ) : closedReason !== null ? (
        <View className='staff-controls__row'>
          <Text>
            {day}
            {serviceName}已停业：{closedReason}
          </Text>
          <Button className='tap button' disabled={busy} onClick={reopen}>
            恢复营业
          </Button>
        </View>
      ) : (
        <>
          <TextField label='停业原因' value={reason} onChange={setReason} maxLength={100} placeholder='例如 厨房设备检修' />
          {confirming ? (
            <ConfirmBox
              question={`将取消 ${day} 全部${serviceName}预约，确定吗？`}
              confirm='确定停业'
              decline='不停业'
              busy={busy}
              onConfirm={close}
              onDecline={() => setConfirming(false)}
            />
          ) : (
            <Button className='tap button' disabled={reason.trim().length < 2} onClick={() => setConfirming(true)}>
              停业并通知居民
            </Button>
          )}
        </>
      )}
      <StatusLine text={message} />
    </View>
  )
}
