import { z } from 'zod'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'

/** 意见建议 and 价格投诉: what a resident writes to the street office about a facility. */
export const FEEDBACK_CATEGORIES = ['suggestion', 'price', 'service', 'other'] as const
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number]
export const FEEDBACK_CATEGORY_NAMES: Record<FeedbackCategory, string> = {
  suggestion: '意见建议',
  price: '价格投诉',
  service: '服务投诉',
  other: '其他',
}
export const FEEDBACK_STATUSES = ['open', 'answered', 'accepted', 'disputed'] as const
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number]
export const FEEDBACK_STATUS_NAMES: Record<FeedbackStatus, string> = {
  open: '待答复',
  answered: '已答复，待您确认',
  accepted: '已认可答复',
  disputed: '不认可答复',
}
/** The same states as the street office reads them. */
export const FEEDBACK_STATUS_NAMES_FOR_STAFF: Record<FeedbackStatus, string> = {
  open: '待答复',
  answered: '已答复，待居民确认',
  accepted: '居民认可答复',
  disputed: '居民不认可答复',
}

/** The street office answers within this many working days (the district's calendar, as 差评整改). */
export const FEEDBACK_WORKING_DAYS = 5
export const FEEDBACK_TEXT = { min: 5, max: 500 } as const

const words = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}最多 ${max} 个字` })

export const feedbackCreateSchema = z.strictObject({
  facilityId: idSchema,
  category: z.enum(FEEDBACK_CATEGORIES, { error: '请选择类型：意见建议、价格投诉、服务投诉 或 其他' }),
  text: words('内容', FEEDBACK_TEXT.min, FEEDBACK_TEXT.max),
  /** The booking it is about, if any: one of the resident's own at this facility. */
  bookingId: idSchema.optional(),
})
export type FeedbackCreate = z.infer<typeof feedbackCreateSchema>

export const feedbackSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  category: z.enum(FEEDBACK_CATEGORIES),
  text: z.string(),
  bookingId: z.string().nullable(),
  status: z.enum(FEEDBACK_STATUSES),
  createdAt: z.string(),
  /** The street office answers by this day (working days, the district's calendar). */
  dueDate: calendarDateSchema,
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
})
export type Feedback = z.infer<typeof feedbackSchema>
export const feedbackListSchema = z.object({ items: z.array(feedbackSchema) })
export const feedbackIdParamsSchema = z.strictObject({ id: idSchema })
export const feedbackAnswerSchema = z.strictObject({ answer: words('答复', 5, 500) })
export const feedbackVerdictSchema = z.strictObject({ accept: z.boolean({ error: '请选择是否认可答复' }) })
