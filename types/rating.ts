import { z } from 'zod'
import { idSchema } from './common'

/** 好差评 (国办发〔2019〕51号): five levels, 5 the best; 不满意 and 非常不满意 are a 差评. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const
export const LEVEL_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' }
export const isBadRating = (level: number) => level <= 2

export const RATING_DIMENSIONS = ['attitude', 'quality', 'environment', 'price'] as const
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]
export const DIMENSION_NAMES: Record<RatingDimension, string> = {
  attitude: '服务态度',
  quality: '服务质量',
  environment: '环境与安全',
  price: '价格合理',
}
export const RATING_COMMENT_MAX = 200

const score = (label: string) =>
  z
    .number({ error: `${label}请打 1 到 5 分` })
    .int({ error: `${label}请打 1 到 5 分` })
    .min(1, { error: `${label}请打 1 到 5 分` })
    .max(5, { error: `${label}请打 1 到 5 分` })

export const ratingRequestSchema = z.strictObject({
  level: score('总体评价'),
  /** Optional, each of them: the overall level is what is asked first and what counts. */
  scores: z
    .strictObject(
      {
        attitude: score(DIMENSION_NAMES.attitude).optional(),
        quality: score(DIMENSION_NAMES.quality).optional(),
        environment: score(DIMENSION_NAMES.environment).optional(),
        price: score(DIMENSION_NAMES.price).optional(),
      },
      { error: '分项打分格式不对' },
    )
    .optional(),
  /** 使用意愿 */
  wouldUseAgain: z.boolean({ error: '请选择是否愿意再次使用' }),
  /** Plain text: stored as typed and always shown escaped. */
  comment: z.string().trim().max(RATING_COMMENT_MAX, { error: `评价最多 ${RATING_COMMENT_MAX} 个字` }).optional(),
})
export type RatingRequest = z.infer<typeof ratingRequestSchema>

export const RECTIFICATION_STATUSES = ['open', 'answered', 'accepted', 'rejected'] as const
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number]
/** As staff read them. */
export const RECTIFICATION_STATUS_NAMES: Record<RectificationStatus, string> = {
  open: '待核实整改',
  answered: '已回复，待居民确认',
  accepted: '居民认可整改',
  rejected: '居民不认可整改',
}
/** As the resident who rated reads them. */
export const RECTIFICATION_STATUS_FOR_RESIDENT: Record<RectificationStatus, string> = {
  open: '待设施答复整改',
  answered: '设施已回复，请您确认',
  accepted: '您已认可整改',
  rejected: '您不认可整改',
}

/** The four scores as given: null where the resident did not score. */
const dimensionScoresSchema = z.object({
  attitude: z.number().int().nullable(),
  quality: z.number().int().nullable(),
  environment: z.number().int().nullable(),
  price: z.number().int().nullable(),
})

export const ratingSchema = z.object({
  id: z.string(),
  bookingId: z.string(),
  level: z.number().int(),
  levelName: z.string(),
  scores: dimensionScoresSchema,
  wouldUseAgain: z.boolean(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  /** A 差评's rectification case: its deadline and, once answered, the facility's reply. */
  rectification: z
    .object({
      status: z.enum(RECTIFICATION_STATUSES),
      dueDate: z.string(),
      answer: z.string().nullable(),
    })
    .nullable(),
})
export type Rating = z.infer<typeof ratingSchema>

/** What residents see of a facility's ratings: counts and rates, never who rated. */
export const ratingSummarySchema = z.object({
  count: z.number().int(),
  /** Share of 非常满意 + 满意 + 基本满意, 0–1; null without ratings. */
  satisfactionRate: z.number().nullable(),
  /** Share who would use it again, 0–1. */
  wouldUseAgainRate: z.number().nullable(),
  /** Mean of each dimension, 1–5, over those who scored it (a dimension nobody scored is left out). */
  dimensions: z.array(z.object({ code: z.enum(RATING_DIMENSIONS), name: z.string(), mean: z.number() })),
})
export type RatingSummary = z.infer<typeof ratingSummarySchema>

export const bookingRatingParamsSchema = z.strictObject({ id: idSchema })

/**
 * A rectification case as the operator handles it: the rating, which service on which day, the deadline. Nothing
 * that leads to the rater — no name, no booking code (核销 at the desk shows the name behind a code): the answer
 * reaches the resident through the app.
 */
export const rectificationCaseSchema = z.object({
  id: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  facilityId: z.string(),
  /** 社区助餐 · 午餐, 日间照料 …: what was rated. */
  service: z.string(),
  serviceDate: z.string(),
  level: z.number().int(),
  levelName: z.string(),
  scores: dimensionScoresSchema,
  comment: z.string().nullable(),
  openedAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  callbackNote: z.string().nullable(),
  answer: z.string().nullable(),
})
export type RectificationCase = z.infer<typeof rectificationCaseSchema>
export const rectificationCaseListSchema = z.object({ cases: z.array(rectificationCaseSchema) })

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(2, { error: `请填写${label}` }).max(max, { error: `${label}最多 ${max} 个字` })
export const caseAnswerSchema = z.strictObject({
  /** What the facility found out (it cannot call the rater: it does not know who rated). */
  callbackNote: text('核实情况', 300),
  /** What was put right. */
  rectification: text('整改措施', 500),
})
export const verdictSchema = z.strictObject({ accept: z.boolean({ error: '请选择是否认可整改' }) })
export const caseParamsSchema = z.strictObject({ facilityId: idSchema, caseId: idSchema })

/** For government staff: cases past their deadline without an answer. */
export const overdueCaseSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  levelName: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number().int(),
})
export const overdueCaseListSchema = z.object({ cases: z.array(overdueCaseSchema) })
