import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import {
  DIMENSION_NAMES,
  LEVEL_NAMES,
  RATING_COMMENT_MAX,
  RATING_DIMENSIONS,
  RATING_LEVELS,
  type RatingDimension,
  type RatingRequest,
} from '@shared/rating'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { rateBooking } from '@/api/ratings'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { Button } from '@/components/Button'
import { fieldLabel, } from '@/components/a11y'
import { FailureNote } from '@/components/FailureNote'
import { bookingDetailUrl } from '@/lib/booking-pages'
import './index.scss'

const LEVEL_OPTIONS = RATING_LEVELS.map((level) => ({ value: String(level), label: LEVEL_NAMES[level] }))
const SCORE_OPTIONS = ['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: s }))

/**
 * 好差评 on one screen (长辈版 too): the overall level first, whether they would come again, then 提交. The four scores
 * and a comment are optional, each behind its own button, so nobody has to get through them to be heard.
 */
export default function RatePage() {
  const bookingId = useRouter().params.id ?? ''
  const [level, setLevel] = useState<string | undefined>()
  const [scores, setScores] = useState<Partial<Record<RatingDimension, string>>>({})
  const [again, setAgain] = useState<string | undefined>()
  const [comment, setComment] = useState('')
  const [showScores, setShowScores] = useState(false)
  const [showComment, setShowComment] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const complete = level !== undefined && again !== undefined
  const submit = async () => {
    if (!complete || busy) return
    const given = RATING_DIMENSIONS.filter((d) => scores[d] !== undefined)
    const rating: RatingRequest = {
      level: Number(level),
      ...(given.length ? { scores: Object.fromEntries(given.map((d) => [d, Number(scores[d])])) } : {}),
      wouldUseAgain: again === 'yes',
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    }
    setBusy(true)
    setFailure(null)
    try {
      await rateBooking(bookingId, rating)
      await Taro.redirectTo({ url: bookingDetailUrl(bookingId, 'rated') })
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page title='评价服务'>
      <View className='rate'>
        <View className='card rate__card'>
          <Text className='section-title'>这次服务您满意吗？</Text>
          <OptionGroup label='总体评价' options={LEVEL_OPTIONS} value={level} onChange={setLevel} />
          <Text className='section-title rate__again'>以后还愿意来吗？</Text>
          <OptionGroup
            label='使用意愿'
            options={[
              { value: 'yes', label: '愿意' },
              { value: 'no', label: '不愿意' },
            ]}
            value={again}
            onChange={setAgain}
          />
        </View>
        <View className='rate__more'>
          <Button className='tap button rate__toggle' aria-pressed={showScores} onClick={() => setShowScores(!showScores)}>
            {showScores ? '收起分项打分' : '分项打分（选填）'}
          </Button>
          <Button className='tap button rate__toggle' aria-pressed={showComment} onClick={() => setShowComment(!showComment)}>
            {showComment ? '收起' : '写几句话（选填）'}
          </Button>
        </View>
        {showScores && (
          <View className='card'>
            <Text className='muted'>5 分最好，不打也可以。</Text>
            {RATING_DIMENSIONS.map((d) => (
              <View key={d} className='rate__dimension'>
                <Text className='rate__label'>{DIMENSION_NAMES[d]}</Text>
                <OptionGroup
                  label={DIMENSION_NAMES[d]}
                  options={SCORE_OPTIONS}
                  value={scores[d]}
                  onChange={(v) => setScores({ ...scores, [d]: v })}
                />
              </View>
            ))}
          </View>
        )}
        {showComment && (
          <View className='card'>
            <Textarea
              className='rate__comment'
              value={comment}
              maxlength={RATING_COMMENT_MAX}
              placeholder='例如：饭菜软烂合口，工作人员很耐心'
              {...fieldLabel('想说的话')}
              onInput={(e) => setComment(e.detail.value)}
            />
            <Text className='muted'>
              {comment.length}/{RATING_COMMENT_MAX} 字。不满意的评价，设施要在期限内答复并整改，答复会发到这笔预约里，由您确认是否认可。
            </Text>
          </View>
        )}
        <FailureNote text={failure} onRetry={submit} textClass='rate__error' className='card' />
        <Button className='tap button button--primary rate__submit' disabled={!complete} loading={busy} onClick={submit}>
          {complete ? '提交评价' : '请先选择上面两项'}
        </Button>
        <Text className='muted rate__privacy'>评价自愿。设施只看到评价内容、服务和日期，看不到您的姓名和核销码。</Text>
      </View>
    </Page>
  )
}
