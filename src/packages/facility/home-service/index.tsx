import { Text, Textarea, View } from '@tarojs/components'
import { shortFacilityName } from '@shared/facility'
import {
  HOME_ADDRESS,
  HOME_NOTES_MAX,
  HOME_SERVICES,
  HOME_SERVICE_NAMES,
  HOME_WINDOWS,
  HOME_WINDOW_HOURS,
  type HomeRequest,
  type HomeWindow,
  homeRequestStatusWords,
  homeWindowWords,
} from '@shared/home-service'
import { formatFen } from '@shared/money'
import { useState } from 'react'
import { fetchFacility } from '@/api/facility-detail'
import { cancelHomeRequest, fetchMyHomeRequests, requestHomeService } from '@/api/home-services'
import { Button } from '@/components/Button'
import { ConfirmBox } from '@/components/ConfirmBox'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { StatusLine } from '@/components/StatusLine'
import { TextField } from '@/components/TextField'
import { fieldLabel } from '@/components/a11y'
import { useDraft } from '@/hooks/use-draft'
import { usePageParam } from '@/hooks/use-page-param'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { addDays, dayLabel, shanghaiToday } from '@/lib/dates'
import { navigateTo } from '@/lib/navigate'
import { bookingDetailUrl } from '@/lib/booking-pages'
import './index.scss'

/** Days offered to choose from: today and the next week (the server takes up to 30 days ahead). */
const DAYS_SHOWN = 8

/** Whether a window of a day is over by now (Asia/Shanghai): today's morning after noon cannot be asked for. */
const windowOver = (date: string, w: HomeWindow, today: string, nowClock: string) => date === today && HOME_WINDOW_HOURS[w].to <= nowClock

const shanghaiClock = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 16)

/** 家政便民: ask the facility for a service at home (保洁, 维修, 助浴, 陪诊 …), then follow what it answers. */
export default function HomeServicePage() {
  const facilityId = usePageParam('facilityId')
  const facility = useRemote(() => fetchFacility(facilityId), `home-facility-${facilityId}`)
  const mine = useRemote(fetchMyHomeRequests, 'my-home-requests')
  // Back from the booking (cancelled or rated there), or pulled down: the statuses as they are now.
  useReloadOnReturn(mine.reload)
  usePullToRefresh(mine.reload)
  return (
    <Page title='家政便民'>
      <RemoteContent remote={facility} loadingText='正在读取设施…'>
        {(f) =>
          f.functions.includes('housekeeping') && !f.isReserve ? (
            <HomeRequestForm facilityId={f.id} facilityName={f.name} onSent={mine.reload} />
          ) : (
            <StateView kind='empty' text={`${shortFacilityName(f.name)}不提供家政便民服务，请在「服务」里找提供家政便民的设施。`} />
          )
        }
      </RemoteContent>
      <View className='card'>
        <Text className='section-title'>我的家政申请</Text>
        <RemoteContent
          remote={mine}
          loadingText='正在读取我的家政申请…'
          empty={(list) => (list.length === 0 ? <Text className='muted home-service__line'>还没有申请过上门服务。</Text> : null)}
        >
          {(list) => (
            <View>
              {list.map((r) => (
                <HomeRequestItem key={r.id} item={r} onChanged={mine.reload} />
              ))}
            </View>
          )}
        </RemoteContent>
      </View>
    </Page>
  )
}

function HomeRequestForm({ facilityId, facilityName, onSent }: { facilityId: string; facilityName: string; onSent: () => Promise<unknown> }) {
  const today = shanghaiToday()
  const nowClock = shanghaiClock()
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(today, i)).filter((d) => HOME_WINDOWS.some((w) => !windowOver(d, w, today, nowClock)))
  // The choices are kept with the text (a reload or a call coming in mid-form loses none of it); a day or window
  // that has passed since is dropped.
  const [serviceDraft, setService, clearService] = useDraft(`home-service.service.${facilityId}`)
  const [dateDraft, setDate, clearDate] = useDraft(`home-service.date.${facilityId}`)
  const [windowDraft, setWindow, clearWindow] = useDraft(`home-service.window.${facilityId}`)
  const service = HOME_SERVICES.find((s) => s === serviceDraft)
  const date = days.find((d) => d === dateDraft)
  const window = HOME_WINDOWS.find((w) => w === windowDraft && !(date && windowOver(date, w, today, nowClock)))
  const [address, setAddress] = useDraft('home-service.address')
  const [phone, setPhone] = useDraft('home-service.phone')
  const [notes, setNotes, clearNotes] = useDraft(`home-service.notes.${facilityId}`)
  const { busy, message, setMessage, fieldErrors, run } = useSubmit(onSent)

  const missing = !service ? '请选择服务' : !date ? '请选择日期' : !window ? '请选择时段' : address.trim().length < HOME_ADDRESS.min ? `请填写上门地址（至少 ${HOME_ADDRESS.min} 个字）` : !phone.trim() ? '请填写联系电话' : null

  const send = async () => {
    if (busy) return
    // A second tap just after 已提交 (the form emptied by the first) keeps the confirmation instead of 请选择服务.
    if (message?.kind === 'ok' && !service && !date && !window) return
    if (missing || !service || !date || !window) return setMessage({ kind: 'error', text: missing ?? '' })
    const request = { facilityId, service, date, window, address, phone, ...(notes.trim() ? { notes } : {}) }
    const sent = await run(() => requestHomeService(request), `已提交：${HOME_SERVICE_NAMES[service]}，等待设施受理。`)
    if (!sent) return
    clearNotes()
    clearService()
    clearDate()
    clearWindow()
  }

  return (
    <View>
      <View className='card'>
        <Text className='section-title'>申请上门服务</Text>
        <Text className='muted home-service__line'>
          向{shortFacilityName(facilityName)}提出申请，工作人员会确定上门时间和价格；受理前可以随时取消。
        </Text>
        <Text className='text-field__label'>服务</Text>
        <OptionGroup label='服务' options={HOME_SERVICES.map((s) => ({ value: s, label: HOME_SERVICE_NAMES[s] }))} value={service} onChange={setService} />
      </View>
      <View className='card'>
        <Text className='text-field__label'>希望的日期</Text>
        <OptionGroup label='希望的日期' options={days.map((d) => ({ value: d, label: dayLabel(d, today) }))} value={date} onChange={setDate} />
        <Text className='text-field__label'>希望的时段</Text>
        <OptionGroup
          label='希望的时段'
          vertical
          options={HOME_WINDOWS.map((w) => {
            const over = date !== undefined && windowOver(date, w, today, nowClock)
            return { value: w, label: homeWindowWords(w), disabled: over, sub: over ? '今天这个时段已过' : undefined }
          })}
          value={window}
          onChange={setWindow}
        />
      </View>
      <View className='card'>
        <TextField label='上门地址' value={address} onChange={setAddress} maxLength={HOME_ADDRESS.max} placeholder='小区、楼号、单元、门牌号' error={fieldErrors.address} />
        <TextField label='联系电话' type='number' value={phone} onChange={setPhone} maxLength={13} placeholder='11 位手机号' hint='工作人员上门前会打这个电话' error={fieldErrors.phone} />
        <Text className='text-field__label'>备注（可不填）</Text>
        <Textarea
          className='home-service__notes'
          value={notes}
          maxlength={HOME_NOTES_MAX}
          placeholder='例如：厨房油烟机要清洗；家里有老人行动不便'
          {...fieldLabel('备注')}
          onInput={(e) => setNotes(e.detail.value)}
        />
        <Text className='muted'>
          {notes.length}/{HOME_NOTES_MAX} 字
        </Text>
      </View>
      <StatusLine text={message?.text ?? null} />
      <Button className='tap button button--primary home-service__action' loading={busy} onClick={send}>
        提交申请
      </Button>
    </View>
  )
}

function HomeRequestItem({ item, onChanged }: { item: HomeRequest; onChanged: () => Promise<unknown> }) {
  const { busy, message, run } = useSubmit(onChanged)
  // Asked first, as a booking's cancel is: a stray or second tap must not withdraw the request.
  const [asking, setAsking] = useState(false)
  const cancel = async () => {
    await run(() => cancelHomeRequest(item.id), '已取消申请')
    setAsking(false)
  }
  const openBooking = () => item.bookingId && navigateTo({ url: bookingDetailUrl(item.bookingId) })
  return (
    <View className='home-service__item'>
      <Text className='home-service__status'>
        {HOME_SERVICE_NAMES[item.service]} · {homeRequestStatusWords(item)}
      </Text>
      <Text className='muted home-service__line'>
        希望 {dayLabel(item.date, shanghaiToday())} {homeWindowWords(item.window)} · {shortFacilityName(item.facilityName)}
      </Text>
      <Text className='muted home-service__line'>{item.address}</Text>
      {item.priceFen !== null && <Text className='home-service__line'>价格：{formatFen(item.priceFen)}（服务时支付）</Text>}
      {item.cancellable &&
        (asking ? (
          <ConfirmBox
            question={`确定取消${HOME_SERVICE_NAMES[item.service]}（${dayLabel(item.date, shanghaiToday())} ${HOME_WINDOW_HOURS[item.window].name}）的申请吗？`}
            confirm='确定取消'
            decline='不取消'
            busy={busy}
            onConfirm={cancel}
            onDecline={() => setAsking(false)}
          />
        ) : (
          <Button className='tap button home-service__action' onClick={() => setAsking(true)}>
            取消申请
          </Button>
        ))}
      {item.bookingId && (
        <Button className='tap button home-service__action' onClick={openBooking}>
          {item.bookingStatus === 'completed' ? '查看并评价' : '查看预约'}
        </Button>
      )}
      <StatusLine text={message?.text ?? null} />
    </View>
  )
}
