import { Text, View } from '@tarojs/components'
import type { Survey } from '@shared/survey'
import { fetchSurveys } from '@/api/surveys'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { pressable } from '@/components/a11y'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useRemote } from '@/hooks/use-remote'
import { dayName } from '@/lib/dates'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

/** 需求征集: what the street offices ask residents, open ones first; a tap answers one or reads its results. */
export default function SurveysPage() {
  const surveys = useRemote(fetchSurveys, 'surveys')
  usePullToRefresh(surveys.reload)
  useReloadOnReturn(surveys.reload)
  return (
    <Page title='需求征集'>
      <Text className='muted surveys__line'>街道想知道您家需要哪些服务、什么时间方便、能接受什么价格，用来安排家门口的服务。每份填一次，不记名。</Text>
      <RemoteContent remote={surveys} empty={(list) => (list.length === 0 ? <StateView kind='empty' text='街道暂时没有发起需求征集' /> : null)}>
        {(list) => (
          <View>
            {[...list.filter((s) => !s.closed), ...list.filter((s) => s.closed)].map((s) => (
              <SurveyCard key={s.id} survey={s} />
            ))}
          </View>
        )}
      </RemoteContent>
    </Page>
  )
}

function SurveyCard({ survey }: { survey: Survey }) {
  const state = survey.closed ? `已截止 · 共 ${survey.responses} 人填写，点开看结果` : survey.answered ? '您已填写，谢谢' : `征集中 · ${dayName(survey.closesOn)} 截止`
  return (
    <View
      className='card tap surveys__card'
      {...pressable({ role: 'link', onPress: () => navigateTo({ url: `/packages/member/survey/index?id=${encodeURIComponent(survey.id)}` }) })}
    >
      <Text className='section-title'>{survey.title}</Text>
      <Text className='surveys__line'>{survey.streetName}</Text>
      <Text className={survey.closed || survey.answered ? 'muted surveys__line' : 'surveys__line'}>{state}</Text>
    </View>
  )
}
