import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FUNCTIONS, type FunctionCode } from '@shared/functions'
import {
  SURVEY_PRICES,
  SURVEY_PRICE_NAMES,
  SURVEY_TEXT_MAX,
  SURVEY_TIMES,
  SURVEY_TIME_NAMES,
  type Survey,
  type SurveyPrice,
  type SurveyTally,
  type SurveyTime,
} from '@shared/survey'
import { useRef, useState } from 'react'
import { ApiError, cleanError } from '@/api/api-error'
import { answerSurvey, fetchSurvey } from '@/api/surveys'
import { Button } from '@/components/Button'
import { CheckGroup } from '@/components/CheckGroup'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { StatusLine } from '@/components/StatusLine'
import { goBack } from '@/components/SubPageNav'
import { fieldLabel, roleProps } from '@/components/a11y'
import { useDraft } from '@/hooks/use-draft'
import { usePageParam } from '@/hooks/use-page-param'
import { useRemote } from '@/hooks/use-remote'
import { dayName } from '@/lib/dates'
import './index.scss'

type Question = 'community' | 'services' | 'times' | 'price'

/** Scrolls a question into view: H5 pages scroll inside their own container, which WeChat's page scroll does not move. */
function showQuestion(question: Question): void {
  const id = `survey-${question}`
  if (process.env.TARO_ENV === 'h5') document.getElementById(id)?.scrollIntoView({ block: 'start' })
  else Taro.pageScrollTo({ selector: `#${id}`, duration: 200 }).catch(() => undefined)
}

/** Below this many answers the shares are said to be only indicative. */
const FEW_ANSWERS = 5

/** One 需求征集: the form while it is open and unanswered, a thank-you once answered, the counts once closed. */
export default function SurveyPage() {
  const id = usePageParam('id')
  // A link cut short or to a survey that is gone: said so, with the way to the others (a retry could never help).
  const survey = useRemote(async () => {
    try {
      return await fetchSurvey(id)
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 404)) return null
      throw err
    }
  }, `survey-${id}`)
  return (
    <Page title='需求征集'>
      <RemoteContent remote={survey} empty={(s) => (s === null ? <SurveyNotFound /> : null)}>
        {(s) =>
          s && (
            <View>
              <View className='card'>
                <Text className='section-title'>{s.title}</Text>
                <Text className='survey__line'>
                  {s.streetName} · {s.closed ? '已截止' : `${dayName(s.closesOn)} 截止`}
                </Text>
                {s.intro && <Text className='survey__line'>{s.intro}</Text>}
              </View>
              {s.results ? <Results survey={s} tally={s.results.total} /> : s.answered ? <Thanks /> : <AnswerForm survey={s} onAnswered={survey.reload} />}
            </View>
          )
        }
      </RemoteContent>
    </Page>
  )
}

function SurveyNotFound() {
  return (
    <StateView
      kind='empty'
      text='没有找到这份需求征集，链接可能不完整'
      action={{ label: '看全部需求征集', onTap: () => Taro.redirectTo({ url: '/packages/member/surveys/index' }) }}
    />
  )
}

function Thanks() {
  return (
    <View className='card'>
      <Text className='section-title'>您已填写，谢谢</Text>
      <Text className='survey__line'>征集截止后，这里会显示大家的选择。</Text>
      <Button className='tap button survey__action' onClick={goBack}>
        返回
      </Button>
    </View>
  )
}

function AnswerForm({ survey, onAnswered }: { survey: Survey; onAnswered: () => Promise<unknown> }) {
  const [communityId, setCommunityId] = useState<string | undefined>(survey.communities.length === 1 ? survey.communities[0].id : undefined)
  const [services, setServices] = useState<FunctionCode[]>([])
  const [times, setTimes] = useState<SurveyTime[]>([])
  const [price, setPrice] = useState<SurveyPrice | undefined>()
  const [text, setText, clearText] = useDraft(`survey.${survey.id}`)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const [unanswered, setUnanswered] = useState<[Question, string] | null>(null)
  // Said at a question until it is answered.
  const open: Record<Question, boolean> = { community: !communityId, services: services.length === 0, times: times.length === 0, price: !price }
  const note = (question: Question) =>
    unanswered?.[0] === question && open[question] ? (
      <View className='text-field__error' {...roleProps('alert')}>
        {unanswered[1]}
      </View>
    ) : null

  const send = async () => {
    // What is missing is said before sending, in the order the form asks it: at the question itself, which the page
    // scrolls to (it may be screens above 提交 in 长辈版), and beside 提交.
    const missing: [Question, string] | null = !communityId
      ? ['community', `请选择您住在${survey.streetName}的哪个社区`]
      : services.length === 0
        ? ['services', '请至少选择一项需要的服务']
        : times.length === 0
          ? ['times', '请至少选择一个方便的时间']
          : !price
            ? ['price', '请选择能接受的价格']
            : null
    setUnanswered(missing)
    if (missing || !communityId || !price) {
      setFailure(missing?.[1] ?? null)
      if (missing) showQuestion(missing[0])
      return
    }
    // One at a time: a double tap sends once.
    if (sending.current) return
    sending.current = true
    setBusy(true)
    setFailure(null)
    try {
      await answerSurvey(survey.id, { communityId, services, times, price, ...(text.trim() ? { text } : {}) })
      clearText()
      await onAnswered()
    } catch (err) {
      // Answered already (the reply to an earlier tap was lost, or another tab sent it): the thanks, not a refusal.
      if (err instanceof ApiError && err.code === 'already_answered') {
        clearText()
        await onAnswered()
      } else {
        setFailure(cleanError(err))
      }
    } finally {
      sending.current = false
      setBusy(false)
    }
  }

  return (
    <View>
      <View className='card' id='survey-community'>
        <Text className='section-title'>您住在{survey.streetName}的哪个社区</Text>
        {note('community')}
        <Text className='muted survey__line'>这份征集是{survey.streetName}发起的，不住在以下社区的居民不用填写。</Text>
        <OptionGroup label={`您住在${survey.streetName}的哪个社区`} vertical options={survey.communities.map((c) => ({ value: c.id, label: c.name }))} value={communityId} onChange={setCommunityId} />
      </View>
      <View className='card' id='survey-services'>
        <Text className='section-title'>您家需要哪些服务（可多选）</Text>
        {note('services')}
        <CheckGroup label='您家需要哪些服务（可多选）' options={FUNCTIONS.map((f) => ({ value: f.code, label: f.name }))} values={services} onChange={setServices} />
      </View>
      <View className='card' id='survey-times'>
        <Text className='section-title'>什么时间方便（可多选）</Text>
        {note('times')}
        <CheckGroup label='什么时间方便（可多选）' options={SURVEY_TIMES.map((t) => ({ value: t, label: SURVEY_TIME_NAMES[t] }))} values={times} onChange={setTimes} />
      </View>
      <View className='card' id='survey-price'>
        <Text className='section-title'>每次能接受的价格</Text>
        {note('price')}
        <OptionGroup label='每次能接受的价格' vertical options={SURVEY_PRICES.map((p) => ({ value: p, label: SURVEY_PRICE_NAMES[p] }))} value={price} onChange={setPrice} />
      </View>
      <View className='card'>
        <Text className='text-field__label'>其他想法（可不填）</Text>
        <Textarea
          className='survey__text'
          value={text}
          maxlength={SURVEY_TEXT_MAX}
          placeholder='例如：希望周末也能订午餐'
          {...fieldLabel('其他想法')}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className='muted'>
          {text.length}/{SURVEY_TEXT_MAX} 字。只有街道和区里的工作人员能看到，不记名。
        </Text>
      </View>
      <StatusLine text={failure} />
      <Button className='tap button button--primary survey__action' loading={busy} onClick={send}>
        提交
      </Button>
    </View>
  )
}

/** The counts as residents read them: each option with how many chose it, largest first. */
function Results({ survey, tally }: { survey: Survey; tally: SurveyTally }) {
  const share = (n: number) => (tally.responses === 0 ? 0 : Math.round((n / tally.responses) * 100))
  // Services most wanted first; times and prices keep their own order (a price scale sorted by count reads as noise).
  const block = (title: string, rows: { label: string; n: number }[], byCount = false) => (
    <View className='card'>
      <Text className='section-title'>{title}</Text>
      {(byCount ? [...rows].sort((a, b) => b.n - a.n) : rows).map((r) => (
          <View key={r.label}>
            <Text className='survey__count'>
              {r.label}：{r.n} 人（{share(r.n)}%）
            </Text>
            <View className='survey__bar' aria-hidden='true'>
              <View className='survey__bar-fill' style={{ width: `${share(r.n)}%` }} />
            </View>
          </View>
        ))}
    </View>
  )
  return (
    <View>
      <View className='card'>
        <Text className='section-title'>征集结果</Text>
        <Text className='survey__line'>
          共 {tally.responses} 人填写{survey.answered ? '，其中有您的一份' : ''}。
        </Text>
        {tally.responses < FEW_ANSWERS && <Text className='muted survey__line'>填写人数较少，仅供参考。</Text>}
      </View>
      {block('需要的服务', FUNCTIONS.map((f) => ({ label: f.name, n: tally.services[f.code] })), true)}
      {block('方便的时间', SURVEY_TIMES.map((t) => ({ label: SURVEY_TIME_NAMES[t], n: tally.times[t] })))}
      {block('能接受的价格', SURVEY_PRICES.map((p) => ({ label: SURVEY_PRICE_NAMES[p], n: tally.prices[p] })))}
    </View>
  )
}
