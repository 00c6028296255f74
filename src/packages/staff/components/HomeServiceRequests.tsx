import { Text, View } from '@tarojs/components'
import { HOME_REASON, HOME_SERVICE_NAMES, HOME_WINDOW_HOURS, type HomeRequest, homeRequestStatusWords, homeWindowWords } from '@shared/home-service'
import { halfWidth } from '@shared/half-width'
import { useState } from 'react'
import { ApiError } from '@/api/api-error'
import { acceptHomeRequest, declineHomeRequest, fetchFacilityHomeRequests } from '@/api/home-services'
import { Button } from '@/components/Button'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { dayName, typedDate, typedTime } from '@/lib/dates'
import { formatFen, yuanToFen } from '@/lib/money'
import './staff-controls.scss'

/** 家政申请: residents' requests for a service at home; 受理 with a time and a price (it becomes a booking), or 婉拒. */
export function HomeServiceRequests({ facilityId }: { facilityId: string }) {
  const requests = useRemote(() => fetchFacilityHomeRequests(facilityId), `home-requests-${facilityId}`)
  return (
    <View className='card no-print staff-controls'>
      <Text className='section-title'>家政申请</Text>
      <RemoteContent remote={requests} loadingText='正在读取家政申请…'>
        {(list) =>
          list.length === 0 ? (
            <Text className='muted'>还没有居民申请上门服务</Text>
          ) : (
            list.map((r) => <HomeRequestRow key={r.id} facilityId={facilityId} item={r} onChanged={requests.reload} />)
          )
        }
      </RemoteContent>
    </View>
  )
}

function HomeRequestRow({ facilityId, item, onChanged }: { facilityId: string; item: HomeRequest; onChanged: () => Promise<unknown> }) {
  const [mode, setMode] = useState<'idle' | 'accept' | 'decline'>('idle')
  const [date, setDate] = useState(item.date)
  const [time, setTime] = useState(HOME_WINDOW_HOURS[item.window].from)
  const [price, setPrice] = useState('')
  const [reason, setReason] = useState('')
  const { busy, message, setMessage, run } = useSubmit(onChanged)

  const answer = async (work: () => Promise<unknown>, done: string) => {
    let changed = false
    const sent = await run(async () => {
      try {
        return await work()
      } catch (err) {
        // Refused because the request changed meanwhile (the resident cancelled it, another clerk answered it).
        changed = err instanceof ApiError && (err.status === 404 || err.status === 409)
        throw err
      }
    }, done)
    if (sent) setMode('idle')
    // The row then shows the request as it is now, with the refusal under it, not 待受理 and the form still open.
    else if (changed) await onChanged()
  }
  const accept = () => {
    const day = typedDate(date)
    const clock = typedTime(time)
    const priceFen = yuanToFen(halfWidth(price.trim()))
    // 25:00 is written in the right format: what is wrong with it is the hour.
    const noSuchTime = /^\d{1,2}:?\d{2}$/.test(halfWidth(time.trim()))
    const wrong = !day
      ? '请按 2026-12-02 的格式填写上门日期'
      : !clock
        ? noSuchTime
          ? `没有 ${time.trim()} 这个时间，请填写 08:00 到 19:30 之间的时间`
          : '请按 09:30 的格式填写上门时间'
        : priceFen === null
          ? '请填写价格（元），例如 50 或 50.5'
          : null
    if (wrong || !day || !clock || priceFen === null) return setMessage({ kind: 'error', text: wrong ?? '' })
    return answer(() => acceptHomeRequest(facilityId, item.id, { date: day, time: clock, priceFen }), '已受理，居民的预约已生成')
  }
  const decline = () => answer(() => declineHomeRequest(facilityId, item.id, reason), '已婉拒，居民会看到原因')
  const choose = (next: typeof mode) => {
    setMessage(null)
    setMode(next)
  }

  return (
    <View className='staff-controls__item'>
      <Text className='section-title'>
        {HOME_SERVICE_NAMES[item.service]} · {homeRequestStatusWords(item)}
      </Text>
      <Text className='muted'>
        希望 {dayName(item.date)} {homeWindowWords(item.window)}
      </Text>
      <Text>地址：{item.address}</Text>
      <Text>电话：{item.phone}</Text>
      {item.notes && <Text>备注：{item.notes}</Text>}
      {item.priceFen !== null && <Text>价格：{formatFen(item.priceFen)}</Text>}
      {item.status === 'requested' && mode === 'idle' && (
        <View className='staff-controls__row'>
          <Button className='tap button button--primary' onClick={() => choose('accept')}>
            受理
          </Button>
          <Button className='tap button' onClick={() => choose('decline')}>
            婉拒
          </Button>
        </View>
      )}
      {item.status === 'requested' && mode !== 'idle' && (
        <View>
          {mode === 'accept' ? (
            <View>
              <TextField label='上门日期' value={date} onChange={setDate} maxLength={10} placeholder='2026-12-02' />
              <TextField label='上门时间' value={time} onChange={setTime} maxLength={5} placeholder='09:30' />
              <TextField label='价格（元）' value={price} onChange={setPrice} maxLength={9} placeholder='例如 50' hint='居民在服务时支付' />
            </View>
          ) : (
            <TextField label='婉拒原因' value={reason} onChange={setReason} maxLength={HOME_REASON.max} placeholder='例如：本周师傅已约满，下周可以' hint='居民会看到这句话' />
          )}
          <View className='staff-controls__row'>
            <Button className='tap button button--primary' loading={busy} onClick={mode === 'accept' ? accept : decline}>
              {mode === 'accept' ? '确认受理' : '确认婉拒'}
            </Button>
            <Button className='tap button' onClick={() => choose('idle')}>
              返回
            </Button>
          </View>
        </View>
      )}
      <StatusLine text={message?.text ?? null} />
    </View>
  )
}
