import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { FULFILMENT_NAMES, STATUS_NAMES } from '@shared/booking'
import { CARE_LEVELS, type CareLevel } from '@shared/care'
import { type DeskAction, type DeskBooking, normalizeCode } from '@shared/staff'
import { useRef, useState } from 'react'
import { cleanError } from '@/api/api-error'
import { actOnBooking, findByCode, recordCareLevel, undoAtDesk } from '@/api/staff'
import { ConfirmBox } from '@/components/ConfirmBox'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { TextField } from '@/components/TextField'
import { dayAndClock } from '@/lib/dates'
import { formatFen } from '@/lib/money'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * After an action the next button appears where the finger was: a second tap of a double tap, or a hard press that
 * registers twice, must not undo what was just done or take money from someone absent. Taps are ignored this long.
 */
export const SETTLE_MS = 700

/** 核销: scan the resident's QR (WeChat) or type the code they read out, then check in, complete or no-show. */
export default function DeskPage() {
  const facilityId = useRouter().params.facilityId ?? ''
  const [code, setCode] = useState('')
  const [found, setFound] = useState<DeskBooking | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  // A ref, not state: a second tap in the same moment sees it before React re-renders.
  const locked = useRef(false)
  const run = async (work: () => Promise<DeskBooking>, done: (b: DeskBooking) => string | null, settle = true) => {
    if (locked.current) return
    locked.current = true
    setBusy(true)
    setMessage(null)
    try {
      const booking = await work()
      setFound(booking)
      const text = done(booking)
      if (text) setMessage({ kind: 'ok', text })
    } catch (err) {
      setMessage({ kind: 'error', text: cleanError(err) })
    } finally {
      const release = () => {
        locked.current = false
        setBusy(false)
      }
      if (settle) setTimeout(release, SETTLE_MS)
      else release()
    }
  }
  const lookUp = (value: string) => {
    setFound(null)
    setConfirmingNoShow(false)
    // A lookup changes nothing: no need to hold the next tap.
    return run(() => findByCode(facilityId, normalizeCode(value)), () => null, false)
  }
  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      setCode(result)
      await lookUp(result)
    } catch {
      setMessage({ kind: 'error', text: '没有扫到二维码，可以直接输入核销码' })
    }
  }
  const [level, setLevel] = useState<CareLevel | undefined>()
  const assess = () =>
    found &&
    level &&
    run(
      async () => {
        await recordCareLevel(facilityId, found.entry.id, level)
        return findByCode(facilityId, found.entry.code)
      },
      () => `已记录「${level}」，托养已确认`,
    )
  const act = (action: DeskAction, done: string) =>
    found && run(() => actOnBooking(facilityId, found.entry.id, action), () => done)
  // 未到场 counts towards a suspension: the clerk confirms it is this person and this service first.
  const [confirmingNoShow, setConfirmingNoShow] = useState(false)
  const noShow = async () => {
    setConfirmingNoShow(false)
    await act('no-show', '已记为未到场；如果登记错了，今天内可以撤销')
  }
  const undo = () =>
    found && run(() => undoAtDesk(facilityId, found.entry.id), (b) => `已撤销，恢复为「${STATUS_NAMES[b.entry.status]}」`)

  return (
    <Page title='核销预约'>
      <View className='card'>
        {/* Text, not a number box: a Chinese keyboard types full-width digits (８７８９), which a number box drops. */}
        <TextField
          label='核销码'
          value={code}
          onChange={(typed) => setCode(normalizeCode(typed))}
          maxLength={12}
          placeholder='8 位数字'
          error={code && !/^\d*$/.test(code) ? '核销码是 8 位数字，请只输入数字' : undefined}
          confirmType='search'
          onConfirm={() => !busy && /^\d{8}$/.test(code) && lookUp(code)}
        />
        <View className='desk__actions'>
          <Button className='tap button button--primary' disabled={busy || !/^\d{8}$/.test(code)} onClick={() => lookUp(code)}>
            查找
          </Button>
          {isWeapp && (
            <Button className='tap button' disabled={busy} onClick={scan}>
              扫码
            </Button>
          )}
        </View>
      </View>

      {message && (
        <View className={`card desk__message desk__message--${message.kind}`} {...roleProps(message.kind === 'error' ? 'alert' : 'status')}>
          <Text>{message.text}</Text>
        </View>
      )}

      {found && (
        <View className='card desk__booking'>
          <Text className='desk__status'>{STATUS_NAMES[found.entry.status]}</Text>
          <Text className='desk__who'>
            {found.entry.beneficiaryName}
            {found.entry.age !== null ? `（${found.entry.age} 岁）` : ''}
          </Text>
          <Text>
            {dayAndClock(found.startsAt)} {found.service}
          </Text>
          <Text>
            {found.entry.setName} × {found.entry.quantity}
            {found.entry.fulfilment ? ` · ${FULFILMENT_NAMES[found.entry.fulfilment]}` : ''}
          </Text>
          {found.entry.deliveryAddress && <Text>送餐地址：{found.entry.deliveryAddress}</Text>}
          {found.entry.dietNotes && <Text className='desk__diet'>饮食禁忌：{found.entry.dietNotes}</Text>}
          <Text>
            原价 {formatFen(found.quote.originalFen)} · 补贴 {formatFen(found.quote.subsidyFen)}
            {found.quote.tier ? `（${found.quote.tier}）` : ''}
          </Text>
          <Text className='desk__payable'>应收 {formatFen(found.quote.payableFen)}</Text>
          {found.entry.awaitingConfirmation && (
            <View className='desk__assess'>
              <Text>待确认：请完成老年人能力评估并记录</Text>
              <OptionGroup label='能力评估' options={CARE_LEVELS.map((l) => ({ value: l, label: l }))} value={level} onChange={setLevel} />
              <Button className='tap button button--primary' disabled={busy || !level} onClick={assess}>
                记录评估并确认入住
              </Button>
            </View>
          )}
          {confirmingNoShow ? (
            <ConfirmBox
              className='desk__confirm'
              question={`确定将 ${found.entry.beneficiaryName} 的 ${dayAndClock(found.startsAt)} ${found.service} 记为未到场吗？多次未到场会暂停预约。`}
              confirm='确定未到场'
              decline='不登记'
              busy={busy}
              onConfirm={noShow}
              onDecline={() => setConfirmingNoShow(false)}
            />
          ) : (
            <View className='desk__actions'>
              {/* Only what the server's day rule allows now; why not the rest, in its words. */}
              {found.notNow && <Text className='desk__not-now'>{found.notNow}</Text>}
              {found.allowed.checkIn && (
                // A free activity is signed in; anything else is signed in and paid at the counter.
                <Button
                  className='tap button button--primary'
                  disabled={busy}
                  onClick={() => act('check-in', found.quote.payableFen === 0 ? '已签到（免费）' : `已签到，已收款 ${formatFen(found.quote.payableFen)}`)}
                >
                  {found.quote.payableFen === 0 ? '签到（免费）' : `签到并收款 ${formatFen(found.quote.payableFen)}`}
                </Button>
              )}
              {found.allowed.complete && (
                <Button className='tap button button--primary' disabled={busy} onClick={() => act('complete', '服务已完成')}>
                  服务完成
                </Button>
              )}
              {found.allowed.noShow && (
                <Button className='tap button' disabled={busy} onClick={() => setConfirmingNoShow(true)}>
                  未到场
                </Button>
              )}
              {found.undoable && (
                <Button className='tap button' disabled={busy} onClick={undo}>
                  {found.entry.status === 'completed' ? '撤销服务完成' : '撤销未到场'}
                </Button>
              )}
            </View>
          )}
        </View>
      )}
    </Page>
  )
}
