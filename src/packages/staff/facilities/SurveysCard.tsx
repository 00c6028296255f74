import { Text, View } from '@tarojs/components'
import { FUNCTIONS } from '@shared/functions'
import { SURVEY_PRICES, SURVEY_PRICE_NAMES, type Survey, surveyCreateSchema } from '@shared/survey'
import { useState } from 'react'
import { downloadFile } from '@/api/download'
import { closeSurvey, fetchGovernedSurveys, openSurvey } from '@/api/surveys'
import { Button } from '@/components/Button'
import { ConfirmBox } from '@/components/ConfirmBox'
import { OptionGroup } from '@/components/OptionGroup'
import { RemoteContent } from '@/components/RemoteContent'
import { TextField } from '@/components/TextField'
import { roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { dayName, typedDate } from '@/lib/dates'
import { StatusMessage } from './StatusMessage'
import { useSubmit } from '@/hooks/use-submit'

/** 需求征集: open a survey for a street's communities, follow its answers, close it, download the 需求清单. */
export function SurveysCard({ streets }: { streets: { id: string; name: string }[] }) {
  const surveys = useRemote(fetchGovernedSurveys, 'admin-surveys')
  const [streetId, setStreetId] = useState<string | undefined>(streets.length === 1 ? streets[0].id : undefined)
  const [title, setTitle] = useState('')
  const [intro, setIntro] = useState('')
  const [closesOn, setClosesOn] = useState('')
  const { busy, message, setMessage, fieldErrors, check } = useSubmit(surveys.reload)

  const create = () => {
    if (!streetId) return setMessage({ kind: 'error', text: '请选择街道' })
    return check(
      surveyCreateSchema.safeParse({ streetId, title, closesOn: typedDate(closesOn) ?? closesOn, ...(intro.trim() ? { intro } : {}) }),
      async (input) => {
        await openSurvey(input)
        setTitle('')
        setIntro('')
      },
      '已发起，居民在「我的 → 需求征集」里填写',
    )
  }

  return (
    <View className='card' {...roleProps('region')} aria-label='需求征集'>
      <Text className='section-title'>需求征集</Text>
      <Text className='muted admin__line'>问居民需要哪些服务、什么时间、能接受什么价格；按社区统计，可下载需求清单。</Text>
      {streets.length > 1 && (
        <>
          <Text className='text-field__label'>为哪个街道发起</Text>
          <OptionGroup label='为哪个街道发起' options={streets.map((s) => ({ value: s.id, label: s.name }))} value={streetId} onChange={setStreetId} />
        </>
      )}
      <TextField label='标题' value={title} onChange={setTitle} maxLength={40} placeholder='例如：2027 年家门口服务需求征集' error={fieldErrors.title} />
      <TextField label='说明（可不填）' value={intro} onChange={setIntro} maxLength={300} error={fieldErrors.intro} />
      <TextField label='截止日期' value={closesOn} onChange={setClosesOn} maxLength={10} placeholder='例如 2027-01-31' error={fieldErrors.closesOn} />
      <Button className='tap button button--primary' disabled={busy} onClick={create}>
        发起需求征集
      </Button>
      <StatusMessage message={message} />
      <RemoteContent remote={surveys} empty={(list) => (list.length === 0 ? <Text className='muted admin__line'>还没有发起过需求征集</Text> : null)}>
        {(list) => (
          <View>
            {list.map((s) => (
              <SurveyLine key={s.id} survey={s} onChanged={surveys.reload} />
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  )
}

function SurveyLine({ survey, onChanged }: { survey: Survey; onChanged: () => Promise<unknown> }) {
  const { busy, message, run } = useSubmit(onChanged)
  const [confirming, setConfirming] = useState(false)
  const total = survey.results?.total
  const top = total
    ? FUNCTIONS.map((f) => ({ name: f.name, n: total.services[f.code] }))
        .filter((x) => x.n > 0)
        .sort((a, b) => b.n - a.n)
        .slice(0, 3)
    : []
  const price = total ? SURVEY_PRICES.reduce((best, p) => (total.prices[p] > total.prices[best] ? p : best), SURVEY_PRICES[0]) : null
  return (
    <View className='admin__feedback'>
      <Text className='admin__line'>
        {survey.title} · {survey.streetName} · {survey.opensOn} 至 {survey.closesOn} · {survey.closed ? '已截止' : '征集中'} · {survey.responses} 人填写
      </Text>
      {top.length > 0 && (
        <Text className='admin__line muted'>
          需要最多：{top.map((x) => `${x.name} ${x.n} 人`).join('、')}
          {price && total && total.prices[price] > 0 ? `；多数人选的价格：${SURVEY_PRICE_NAMES[price]}` : ''}
        </Text>
      )}
      <Button className='tap button' disabled={busy} onClick={() => run(() => downloadFile(`/admin/surveys/${survey.id}/export?format=xlsx`, `需求征集-${survey.streetName}-${survey.title}.xlsx`, 'xlsx'), '已下载需求清单')}>
        下载需求清单
      </Button>
      {!survey.closed &&
        (confirming ? (
          <ConfirmBox
            question={`截止后居民不能再填写「${survey.title}」，确定现在截止吗？`}
            confirm='确定截止'
            decline='先不截止'
            busy={busy}
            onConfirm={() => run(() => closeSurvey(survey.id), `已截止（原定 ${dayName(survey.closesOn)}），居民可以看到结果`).then(() => setConfirming(false))}
            onDecline={() => setConfirming(false)}
          />
        ) : (
          <Button className='tap button survey-line__close' disabled={busy} onClick={() => setConfirming(true)}>
            现在截止
          </Button>
        ))}
      <StatusMessage message={message} />
    </View>
  )
}
