import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { shortFacilityName } from '@shared/facility'
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_NAMES, FEEDBACK_TEXT, FEEDBACK_WORKING_DAYS, type Feedback, type FeedbackCategory } from '@shared/feedback'
import { useRef, useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchBookings } from '@/api/bookings'
import { fetchFacility } from '@/api/facility-detail'
import { submitFeedback } from '@/api/feedback'
import { Button } from '@/components/Button'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { fieldLabel } from '@/components/a11y'
import { useDraft } from '@/hooks/use-draft'
import { usePageParam } from '@/hooks/use-page-param'
import { useRemote } from '@/hooks/use-remote'
import { dayName } from '@/lib/dates'
import './index.scss'

const NO_BOOKING = 'none'

/** 意见建议 · 价格投诉: a resident writes to the street office about this facility; the street answers by a deadline. */
export default function FeedbackPage() {
  const facilityId = usePageParam('facilityId')
  // Opened from 价格公示: a price complaint.
  const asked = usePageParam('category')
  const initial = (FEEDBACK_CATEGORIES as readonly string[]).includes(asked) ? (asked as FeedbackCategory) : 'suggestion'
  const facility = useRemote(() => fetchFacility(facilityId), facilityId)
  return (
    <Page title='意见建议'>
      <RemoteContent remote={facility}>{(f) => <FeedbackForm facilityId={f.id} facilityName={f.name} initial={initial} />}</RemoteContent>
    </Page>
  )
}

function FeedbackForm({ facilityId, facilityName, initial }: { facilityId: string; facilityName: string; initial: FeedbackCategory }) {
  const bookings = useRemote(async () => (await fetchBookings()).filter((b) => b.facilityId === facilityId).slice(0, 6), `feedback-bookings-${facilityId}`)
  const [category, setCategory] = useState<FeedbackCategory>(initial)
  const [text, setText, clearText] = useDraft(`feedback.${facilityId}`)
  const [bookingId, setBookingId] = useState(NO_BOOKING)
  const [failure, setFailure] = useState<string | null>(null)
  const [sent, setSent] = useState<Feedback | null>(null)
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)

  const send = async () => {
    // One at a time: a double tap sends once.
    if (sending.current) return
    sending.current = true
    setBusy(true)
    setFailure(null)
    try {
      setSent(await submitFeedback({ facilityId, category, text, ...(bookingId === NO_BOOKING ? {} : { bookingId }) }))
      clearText()
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      sending.current = false
      setBusy(false)
    }
  }

  if (sent) {
    return (
      <View className='card'>
        <Text className='section-title'>已提交</Text>
        <Text className='feedback__line'>
          街道办事处将在 {dayName(sent.dueDate)} 前答复您，答复会发到「消息」和「我的意见」里。
        </Text>
        <Button className='tap button button--primary feedback__action' onClick={() => Taro.redirectTo({ url: '/packages/member/feedback/index' })}>
          查看我的意见
        </Button>
      </View>
    )
  }
  return (
    <View>
      <View className='card'>
        <Text className='section-title'>写给街道办事处</Text>
        <Text className='muted feedback__line'>关于{shortFacilityName(facilityName)}。街道会在 {FEEDBACK_WORKING_DAYS} 个工作日内答复；只有街道和区里的工作人员能看到。</Text>
        <OptionGroup
          label='类型'
          options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: FEEDBACK_CATEGORY_NAMES[c] }))}
          value={category}
          onChange={setCategory}
        />
      </View>
      <View className='card'>
        <Text className='text-field__label'>内容</Text>
        <Textarea
          className='feedback__text'
          value={text}
          maxlength={FEEDBACK_TEXT.max}
          placeholder={category === 'price' ? '例如：午餐从 12 元涨到 15 元，没有提前公示' : '例如：希望周末也能订午餐'}
          {...fieldLabel('内容')}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className='muted'>
          {text.length}/{FEEDBACK_TEXT.max} 字，至少 {FEEDBACK_TEXT.min} 个字
        </Text>
      </View>
      <RemoteContent remote={bookings} empty={(list) => (list.length === 0 ? null : null)}>
        {(list) =>
          list.length > 0 ? (
            <View className='card'>
              <OptionGroup
                label='涉及的预约（可不选）'
                vertical
                options={[
                  { value: NO_BOOKING, label: '不涉及具体预约' },
                  ...list.map((b) => ({ value: b.id, label: `${dayName(b.date)} ${b.service}`, sub: b.beneficiaryName })),
                ]}
                value={bookingId}
                onChange={setBookingId}
              />
            </View>
          ) : null
        }
      </RemoteContent>
      <StatusLine text={failure} />
      <Button className='tap button button--primary feedback__action' loading={busy} onClick={send}>
        提交
      </Button>
    </View>
  )
}
