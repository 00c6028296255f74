import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { METRIC_NAMES, WEIGHTED_METRICS, type WeightedMetric } from '@shared/evaluation'
import { type DistrictRules, type EvaluationRules, evaluationRulesSchema } from '@shared/rules'
import { useState } from 'react'
import { saveEvaluationRules } from '@/api/admin'
import { type NumberFieldSpec, NumberFields, numbersOf, textsOf } from './NumberFields'
import { FieldError, StatusMessage } from './StatusMessage'
import { type Message, useSubmit } from '@/hooks/use-submit'

type Threshold = Exclude<keyof EvaluationRules, 'weights'>

const WEIGHTS: readonly NumberFieldSpec<WeightedMetric>[] = WEIGHTED_METRICS.map((m) => ({ key: m, label: `${METRIC_NAMES[m]}的权重`, maxLength: 5 }))
const THRESHOLDS: readonly NumberFieldSpec<Threshold>[] = [
  { key: 'rankMinBookings', label: '参与排名的最少预约数', maxLength: 4, hint: '少于这个数的设施显示「数据不足」，不参与排名' },
  { key: 'rankMinRatings', label: '参与排名的最少评价数', maxLength: 4 },
  { key: 'priorWeight', label: '小样本修正的先验条数', maxLength: 3, hint: '评价越少，评分越向全区平均靠拢；0 为不修正' },
  { key: 'minRatings', label: '评定合格的最少评价数', maxLength: 4 },
  { key: 'minSatisfaction', label: '合格满意率（0 到 1）', maxLength: 5, hint: '例如 0.9 即 90%' },
  { key: 'maxOverdue', label: '允许逾期整改件数', maxLength: 3, hint: '超过这个数不能评为合格' },
]

/** 运营评估: the composite's weights (summing to 1) and the ranking and qualified thresholds, for the next evaluation. */
export function EvaluationRulesForm({ rules, shared, onSaved }: { rules: DistrictRules; shared: [Message, (m: Message) => void]; onSaved: () => Promise<unknown> }) {
  const [weights, setWeights] = useState(() => textsOf(WEIGHTS, rules.evaluation.weights))
  const [thresholds, setThresholds] = useState(() => textsOf(THRESHOLDS, rules.evaluation))
  const { busy, message, fieldErrors, check } = useSubmit(onSaved, shared)
  const sum = Object.values(numbersOf(WEIGHTS, weights)).reduce<number>((total, w) => total + (w ?? 0), 0)
  const save = () =>
    check(
      evaluationRulesSchema.safeParse({ weights: numbersOf(WEIGHTS, weights), ...numbersOf(THRESHOLDS, thresholds) }),
      saveEvaluationRules,
      '评估规则已保存：下次评估按新规则计算',
    )
  return (
    <View className='card admin__rules admin__evaluation'>
      <Text className='section-title'>运营评估的权重与合格标准</Text>
      <Text className='muted'>综合得分按各项的权重相加，六项权重之和应为 1；填 0 到 1 之间的数，例如 0.3。</Text>
      <NumberFields specs={WEIGHTS} texts={weights} onChange={setWeights} errors={fieldErrors} path='weights.' />
      <Text className='admin__line'>合计 {Number.isFinite(sum) ? Math.round(sum * 1000) / 1000 : '—'}（应为 1）</Text>
      <FieldError text={fieldErrors.weights} />
      <NumberFields specs={THRESHOLDS} texts={thresholds} onChange={setThresholds} errors={fieldErrors} />
      <StatusMessage message={message} />
      <Button className='tap button' disabled={busy} onClick={save}>保存评估规则</Button>
    </View>
  )
}
