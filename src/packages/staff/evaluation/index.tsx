import { Text, View } from '@tarojs/components'
import { type Evaluation, type EvaluationRow, METRIC_NAMES, rankingRule } from '@shared/evaluation'
import { FUNCTIONS, type FunctionCode } from '@shared/functions'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { downloadFile } from '@/api/download'
import { fetchCoverage, fetchEvaluation, fetchOverdueCases } from '@/api/evaluation'
import { fetchGovernedFeedback } from '@/api/feedback'
import { FEEDBACK_CATEGORY_NAMES } from '@shared/feedback'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { recentMonths, recentPeriods } from './periods'
import { QualifiedListPublisher } from './QualifiedListPublisher'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'
import './index.scss'

// All nine: activities and home services are evaluated as the four 标配 services are.
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)

/**
 * 运营评估 for street and district staff: the ranking, a six-month trend, coverage, overdue cases, exports; district
 * staff also publish the qualified-operator list (the server says who may, in `canPublish`).
 */
export default function EvaluationPage() {
  const periods = recentPeriods(new Date())
  const [period, setPeriod] = useState(periods[0].value)
  const [fn, setFn] = useState<FunctionCode>('meal')
  const evaluation = useRemote(() => fetchEvaluation(period, fn), `${period}|${fn}`)
  const trend = useRemote(() => Promise.all(recentMonths(new Date(), 6).map((m) => fetchEvaluation(m, fn))), `trend|${fn}`)
  const coverage = useRemote(fetchCoverage, 'coverage')
  const overdue = useRemote(fetchOverdueCases, 'overdue')
  const overdueFeedback = useRemote(async () => (await fetchGovernedFeedback()).filter((f) => f.overdue), 'overdue-feedback')
  const [message, setMessage] = useState<string | null>(null)
  usePullToRefresh(() => Promise.all([evaluation.reload(), trend.reload(), coverage.reload(), overdue.reload(), overdueFeedback.reload()]))

  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null)
    try {
      await work()
      setMessage(done)
    } catch (err) {
      setMessage(cleanError(err))
    }
  }
  const exportAs = (format: 'xlsx' | 'csv') => act(() => downloadFile(`/evaluation/export?period=${period}&format=${format}`, `运营评估-${period}.${format}`, format), '已导出')
  // While another period loads, the last answer is still shown: publishing follows only the chosen period's own.
  const shown = evaluation.data?.period === period ? evaluation.data : undefined

  return (
    <Page title='运营评估'>
      <View className='card'>
        <OptionGroup label='评估期' options={periods} value={period} onChange={setPeriod} />
        <OptionGroup label='服务' options={FUNCTIONS.map((f) => ({ value: f.code, label: f.name }))} value={fn} onChange={(v) => setFn(v as FunctionCode)} />
        <View className='evaluation__actions'>
          <Button className='tap button' onClick={() => exportAs('xlsx')}>
            导出 Excel
          </Button>
          <Button className='tap button' onClick={() => exportAs('csv')}>
            导出 CSV
          </Button>
        </View>
        {message && (
          <View {...roleProps('status')}>
            <Text className='evaluation__message'>{message}</Text>
          </View>
        )}
      </View>

      {shown?.canPublish && <QualifiedListPublisher period={period} ended={shown.ended} lastDay={shown.to} />}
      <RemoteContent remote={evaluation}>{(e) => <Ranking evaluation={e} />}</RemoteContent>
      {trend.data && <Trend months={trend.data} />}

      <View className='card'>
        <Text className='section-title'>逾期未整改的差评</Text>
        {overdue.data?.length === 0 && <Text className='muted'>没有逾期的整改</Text>}
        {overdue.data?.map((c) => (
          <Text key={c.id} className='evaluation__overdue'>
            {c.facilityName} · {c.levelName} · 逾期 {c.daysOverdue} 天（应于 {c.dueDate} 前答复）
          </Text>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>逾期未答复的居民意见</Text>
        {overdueFeedback.data?.length === 0 && <Text className='muted'>没有逾期的居民意见</Text>}
        {overdueFeedback.data?.map((f) => (
          <Text key={f.id} className='evaluation__overdue'>
            {f.facilityName} · {FEEDBACK_CATEGORY_NAMES[f.category]} · 应于 {f.dueDate} 前答复
          </Text>
        ))}
      </View>

      {coverage.data && (
        <View className='card'>
          <Text className='section-title'>覆盖率（{coverage.data.communities} 个已回迁社区，2030 年目标）</Text>
          {coverage.data.functions.map((f) => (
            <Text key={f.function} className={`evaluation__row${f.met ? '' : ' evaluation__row--short'}`}>
              {f.name}：{f.covered} 个社区 · {pct(f.share)} / 目标 {pct(f.target)} {f.met ? '✓ 达标' : '未达标'}
            </Text>
          ))}
        </View>
      )}
    </Page>
  )
}

function Ranking({ evaluation }: { evaluation: Evaluation }) {
  const ranked = evaluation.rows.filter((r) => r.rank !== null).length
  return (
    <View className='card'>
      <Text className='section-title'>
        排名 · {evaluation.from} 至 {evaluation.to}
      </Text>
      <Text className='muted evaluation__rule'>{rankingRule(evaluation.rankMinimum)}</Text>
      {evaluation.rows.length === 0 && <Text className='muted'>这一期没有数据</Text>}
      {evaluation.rows.length > 0 && ranked === 0 && <Text className='muted'>这一期没有数据足够的设施，不排名</Text>}
      {evaluation.rows.length > 0 && (
        // A table of two columns: the rank (or 数据不足), then the facility with its figures.
        <View {...roleProps('table', '排名')}>
          <View {...roleProps('row')} className='visually-hidden'>
            <Text {...roleProps('columnheader')}>名次</Text>
            <Text {...roleProps('columnheader')}>设施与指标</Text>
          </View>
          {evaluation.rows.map((r) => (
            <RankingRow key={`${r.facilityId}-${r.function}`} row={r} />
          ))}
        </View>
      )}
    </View>
  )
}

/** A ranked row shows its rank and composite; a 数据不足 row says so and why, with no number to compare. */
function RankingRow({ row: r }: { row: EvaluationRow }) {
  return (
    <View className='evaluation__ranked' {...roleProps('row')}>
      {r.rank !== null ? (
        <Text className='evaluation__rank' {...roleProps('cell')}>
          {r.rank}
        </Text>
      ) : (
        <Text className='evaluation__rank evaluation__rank--none' {...roleProps('cell')}>
          {r.insufficientData ? '数据不足' : '—'}
        </Text>
      )}
      <View className='evaluation__facility' {...roleProps('cell')}>
        <Text className='evaluation__name'>
          {r.facilityName}
          {r.rank !== null && r.composite !== null ? ` · ${r.composite} 分` : ''}
        </Text>
        {r.insufficientReason && <Text className='evaluation__reason'>{r.insufficientReason}</Text>}
        <Text className='muted'>
          {METRIC_NAMES.utilisation} {pct(r.utilisation)} · {METRIC_NAMES.satisfaction} {pct(r.satisfactionRate)}（{r.ratings} 条）·
          {METRIC_NAMES.score} {r.adjustedScore === null ? '—' : r.adjustedScore.toFixed(2)} · 完成率 {pct(r.completionRate)} · 爽约率{' '}
          {pct(r.noShowRate)} · {METRIC_NAMES.willingness} {pct(r.willingnessRate)} · {METRIC_NAMES.rectification}{' '}
          {pct(r.rectificationOnTimeRate)}
        </Text>
      </View>
    </View>
  )
}

/** Six months of the district's satisfaction and use for the chosen service, as bars. */
function Trend({ months }: { months: Evaluation[] }) {
  const mean = (e: Evaluation, pick: (r: Evaluation['rows'][number]) => number | null) => {
    const values = e.rows.map(pick).filter((v): v is number => v !== null)
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null
  }
  return (
    <View className='card' aria-label='趋势'>
      <Text className='section-title'>近六个月趋势（各设施平均）</Text>
      {months.map((e) => {
        const satisfaction = mean(e, (r) => r.satisfactionRate)
        const use = mean(e, (r) => r.utilisation)
        return (
          <View key={e.period} className='evaluation__trend'>
            <Text className='evaluation__month'>{e.period}</Text>
            <View className='evaluation__bars'>
              <View className='evaluation__bar evaluation__bar--satisfaction' style={{ width: `${Math.round((satisfaction ?? 0) * 100)}%` }} />
              <Text className='muted'>满意率 {pct(satisfaction)}</Text>
              <View className='evaluation__bar evaluation__bar--use' style={{ width: `${Math.round(Math.min(1, use ?? 0) * 100)}%` }} />
              <Text className='muted'>利用率 {pct(use)}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
