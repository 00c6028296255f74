import { z } from 'zod'
import { idSchema } from './common'

/** 好差评 (国办发〔2019〕51号): five levels, 5 the best; 不满意 and 非常不满意 are a 差评. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const
export const LEVEL_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' }
export const isBadRating = (level: number) => level <= 2
/** Levels counted as satisfied in the satisfaction rate: 非常满意, 满意, 基本满意. */
export const isSatisfied = (level: number) => level >= 3

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
  scores: z.strictObject(
    {
      attitude: score(DIMENSION_NAMES.attitude),
      quality: score(DIMENSION_NAMES.quality),
      environment: score(DIMENSION_NAMES.environment),
      price: score(DIMENSION_NAMES.price),
    },
    { error: '请为四项分别打分' },
  ),
  /** 使用意愿 */
  wouldUseAgain: z.boolean({ error: '请选择是否愿意再次使用' }),
  /** Plain text: stored as typed and always shown escaped. */
  comment: z.string().trim().max(RATING_COMMENT_MAX, { error: `评价最多 ${RATING_COMMENT_MAX} 个字` }).optional(),
})
export type RatingRequest = z.infer<typeof ratingRequestSchema>

export const RECTIFICATION_STATUSES = ['open', 'answered', 'accepted', 'rejected'] as const
export const RECTIFICATION_STATUS_NAMES: Record<(typeof RECTIFICATION_STATUSES)[number], string> = {
  open: '待设施回访整改',
  answered: '设施已回复，待您确认',
  accepted: '您已认可整改',
  rejected: '您不认可整改',
}

export const ratingSchema = z.object({
  id: z.string(),
  bookingId: z.string(),
  level: z.number().int(),
  levelName: z.string(),
  scores: z.object({ attitude: z.number().int(), quality: z.number().int(), environment: z.number().int(), price: z.number().int() }),
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
  /** Mean of each dimension, 1–5. */
  dimensions: z.array(z.object({ code: z.enum(RATING_DIMENSIONS), name: z.string(), mean: z.number() })),
})
export type RatingSummary = z.infer<typeof ratingSummarySchema>

export const bookingRatingParamsSchema = z.strictObject({ id: idSchema })
