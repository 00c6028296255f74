import { Text, View } from '@tarojs/components'
import { PART_NAMES } from '@shared/booking-names'
import { FUNCTIONS } from '@shared/function-list'
import { serviceOfSession } from '@shared/bookable-services'
import type { WaitlistEntry } from '@shared/waitlist'
import { useState } from 'react'
import { dayAndClock, dayName } from '@/lib/dates'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import { FailureNote } from '@/components/FailureNote'
import './index.scss'

interface WaitlistListProps {
  entries: WaitlistEntry[]
  busyId: string | null
  /** Why the last confirm or leave did not go through. */
  failure: string | null
  onConfirm: (id: string) => void
  onLeave: (id: string) => void
  /** Do the last confirm or leave again (the network was down). */
  onRetry?: () => void
}

// As the booking itself would be named: 短期托养 (not 养老服务), 12月3日 周四 (not 2026-12-03).
const serviceName = (entry: WaitlistEntry) =>
  serviceOfSession(entry.function, entry.part)?.name ?? FUNCTIONS.find((f) => f.code === entry.function)?.name ?? ''
const days = (entry: WaitlistEntry) =>
  entry.throughDate && entry.throughDate !== entry.date
    ? `${dayName(entry.date)} 至 ${dayName(entry.throughDate)}`
    : `${dayName(entry.date)}${entry.function === 'meal' ? ` ${PART_NAMES[entry.part]}` : ''}`

/** 候补: the queues the family stands in, with their place in line, and a place on offer to confirm or give up. */
export function WaitlistList({ entries, busyId, failure, onConfirm, onLeave, onRetry }: WaitlistListProps) {
  // Leaving takes a second tap: a place in line, or a held place, is not given up by a slip of the finger.
  const [leaving, setLeaving] = useState<string | null>(null)
  const active = entries.filter((e) => e.status === 'waiting' || e.status === 'offered')
  if (active.length === 0) return null
  return (
    <View className='card waitlist' {...roleProps('region')} aria-label='候补'>
      <Text className='section-title'>候补（{active.length}）</Text>
      <FailureNote text={failure} onRetry={onRetry} textClass='waitlist__error' />
      {active.map((entry) => (
        <View key={entry.id} className={`waitlist__item waitlist__item--${entry.status}`} data-entry={entry.id}>
          <Text className='waitlist__title'>
            {serviceName(entry)} · {days(entry)}
          </Text>
          <Text className='muted'>
            {entry.facilityName} · 为 {entry.beneficiaryName}
            {entry.className ? `（${entry.className}）` : ''}
          </Text>
          {entry.status === 'waiting' ? (
            <Text className='waitlist__state'>排队第 {entry.position} 位</Text>
          ) : (
            <Text className='waitlist__state waitlist__state--offered'>
              有名额了！为您保留到 {entry.offerExpiresAt ? dayAndClock(entry.offerExpiresAt) : ''}，请确认
            </Text>
          )}
          <View className='waitlist__actions'>
            {entry.status === 'offered' && (
              <Button
                className='tap button button--primary'
                loading={busyId === entry.id}
                disabled={busyId !== null}
                onClick={() => onConfirm(entry.id)}
              >
                确认预约
              </Button>
            )}
            {leaving === entry.id ? (
              <Button className='tap button button--primary' disabled={busyId !== null} onClick={() => onLeave(entry.id)}>
                {entry.status === 'offered' ? '确定放弃，让给下一位' : '确定退出排队'}
              </Button>
            ) : (
              <Button className='tap button' disabled={busyId !== null} onClick={() => setLeaving(entry.id)}>
                {entry.status === 'offered' ? '放弃名额' : '退出排队'}
              </Button>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
