import { z } from 'zod'
import { functionCodeSchema } from './functions'

/** 月通报, 季排名, 年考核: a month '2026-11', a quarter '2026-Q4', or a year '2026'. */
export const periodSchema = z
  .string({ error: '请选择评估期' })
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { error: '评估期应为 2026-11（月）、2026-Q4（季度）或 2026（年）' })
export type Period = z.infer<typeof periodSchema>

const QUARTERS = ['一', '二', '三', '四']

/** A period as an official writes it: '2026-Q3' → 2026 年第三季度, '2026-11' → 2026 年 11 月, '2026' → 2026 年. */
export function periodName(period: string): string {
  const year = period.slice(0, 4)
  if (period.length === 4) return `${year} 年`
  if (period[5] === 'Q') return `${year} 年第${QUARTERS[Number(period[6]) - 1]}季度`
  return `${year} 年 ${Number(period.slice(5, 7))} 月`
}

/** Why a period's qualified-operator list cannot be published yet; `lastDay` is its last day, 'YYYY-MM-DD'. */
export function periodNotEnded(period: string, lastDay: string): string {
  const [, month, day] = lastDay.split('-').map(Number)
  return `${periodName(period)}还没有结束（${month} 月 ${day} 日结束），结束后才能发布`
}

/** The metrics a composite score weighs; their weights are the district's data. */
export const WEIGHTED_METRICS = ['utilisation', 'completion', 'satisfaction', 'score', 'willingness', 'rectification'] as const
export type WeightedMetric = (typeof WEIGHTED_METRICS)[number]
export const METRIC_NAMES: Record<WeightedMetric, string> = {
  utilisation: '设施利用率',
  completion: '完成率',
  satisfaction: '满意率',
  score: '评分（小样本修正）',
  willingness: '使用意愿',
  rectification: '整改按期率',
}

const rate = z.number().nullable()

export const evaluationRowSchema = z.object({
  facilityId: z.string(),
  facilityName: z.string(),
  operatorId: z.string().nullable(),
  operatorName: z.string().nullable(),
  function: functionCodeSchema,
  bookings: z.number().int(),
  completed: z.number().int(),
  noShows: z.number().int(),
  /** Places taken ÷ places offered in the period's sessions. */
  utilisation: rate,
  completionRate: rate,
  noShowRate: rate,
  ratings: z.number().int(),
  /** Share of 非常满意 + 满意 + 基本满意. */
  satisfactionRate: rate,
  meanLevel: rate,
  /** Bayesian mean: (C·m + Σ levels) ÷ (C + n), m the district's mean, C the prior's weight. */
  adjustedScore: rate,
  willingnessRate: rate,
  rectificationOnTimeRate: rate,
  overdueCases: z.number().int(),
  /** 0–100 from the district's weights; metrics without data leave their weight to the others. Compare only ranked rows. */
  composite: rate,
  /** 1 the best; tied composites share a rank (1, 2, 2, 4); null when 数据不足. */
  rank: z.number().int().nullable(),
  /** Below the district's minimum of bookings or ratings for the period: not ranked, listed after the ranked rows. */
  insufficientData: z.boolean(),
  /** Why, e.g. 「数据不足：本期评价 2 条，少于 3 条」; null when the row is ranked. */
  insufficientReason: z.string().nullable(),
})
export type EvaluationRow = z.infer<typeof evaluationRowSchema>

export const evaluationSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  /** The period's last day is past (Asia/Shanghai): only then can its qualified-operator list be published. */
  ended: z.boolean(),
  /** The prior of the adjusted score. */
  prior: z.object({ mean: z.number(), weight: z.number() }),
  /** What a facility × function needs in the period to be ranked (the district's data). */
  rankMinimum: z.object({ bookings: z.number().int(), ratings: z.number().int() }),
  rows: z.array(evaluationRowSchema),
})
export type Evaluation = z.infer<typeof evaluationSchema>

/** The 数据不足 rule in a sentence, for the bulletin and the page. */
export const rankingRule = (minimum: Evaluation['rankMinimum']) =>
  `只排名本期预约不少于 ${minimum.bookings} 次、评价不少于 ${minimum.ratings} 条的设施；不足的标为「数据不足」，不排名`

/** `GET /api/evaluation`: the evaluation and what the caller may do with it, so the client never guesses from a role. */
export const evaluationResponseSchema = evaluationSchema.extend({
  /** District staff publish the qualified-operator list; street staff read. */
  canPublish: z.boolean(),
})
export type EvaluationResponse = z.infer<typeof evaluationResponseSchema>

export const evaluationQuerySchema = z.strictObject({
  period: periodSchema,
  function: functionCodeSchema.optional(),
})

/** 2030 targets of the plan: share of (resettled) communities each function should reach. */
export const COVERAGE_TARGETS: Record<z.infer<typeof functionCodeSchema>, number> = {
  elderly_care: 0.9,
  infant_care: 0.5,
  child_care: 0.9,
  meal: 0.7,
  housekeeping: 1,
  health: 1,
  fitness: 1,
  culture: 1,
  kids_play: 1,
}

export const coverageSchema = z.object({
  communities: z.number().int(),
  functions: z.array(
    z.object({ function: functionCodeSchema, name: z.string(), covered: z.number().int(), share: z.number(), target: z.number(), met: z.boolean() }),
  ),
})
export type Coverage = z.infer<typeof coverageSchema>

/** 合格, 未达标 (a criterion missed), or 数据不足 (too few ratings to judge: 未评定). */
export const QUALIFIED_VERDICTS = ['qualified', 'not_qualified', 'insufficient_data'] as const
export type QualifiedVerdict = (typeof QUALIFIED_VERDICTS)[number]
export const QUALIFIED_VERDICT_NAMES: Record<QualifiedVerdict, string> = {
  qualified: '✓ 合格',
  not_qualified: '未达标',
  insufficient_data: '数据不足，未评定',
}

export const qualifiedOperatorSchema = z.object({
  operatorId: z.string(),
  operatorName: z.string(),
  qualified: z.boolean(),
  /** Absent in lists published before it existed: read `qualified` there. */
  verdict: z.enum(QUALIFIED_VERDICTS).optional(),
  /** Why not, one sentence per missed criterion. */
  reasons: z.array(z.string()),
  ratings: z.number().int(),
  satisfactionRate: rate,
  overdueCases: z.number().int(),
})
export const qualifiedListSchema = z.object({
  period: z.string(),
  /** The district that publishes it, e.g. 阎良区. */
  districtName: z.string().nullable(),
  /** When it was computed: for a published list, when it was published. */
  computedAt: z.string(),
  criteria: z.object({ minRatings: z.number().int(), minSatisfaction: z.number(), maxOverdue: z.number().int() }),
  operators: z.array(qualifiedOperatorSchema),
})
export type QualifiedList = z.infer<typeof qualifiedListSchema>

/** The list a district user would publish, computed and not stored; `replaces` when a list of the period is out. */
export const qualifiedListPreviewSchema = qualifiedListSchema.extend({
  /** When the list it would replace was published, or null. */
  replaces: z.string().nullable(),
})
export type QualifiedListPreview = z.infer<typeof qualifiedListPreviewSchema>
