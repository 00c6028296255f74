import { z } from 'zod'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'
import { FUNCTION_CODES, functionCodeSchema } from './functions'

// 需求征集: a street office asks the residents of its communities which services they need, when, and at what price
// (the plan's 「广泛征求居民意见和需求，形成需求清单」). The questions are the same in every survey, so that answers add
// up across communities and years; the street writes the title and a word of introduction.

export const SURVEY_TIMES = ['weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend'] as const
export type SurveyTime = (typeof SURVEY_TIMES)[number]
export const SURVEY_TIME_NAMES: Record<SurveyTime, string> = {
  weekday_morning: '工作日上午',
  weekday_afternoon: '工作日下午',
  weekday_evening: '工作日晚上',
  weekend: '周末',
}

/** What a resident finds acceptable to pay for one use of a service. */
export const SURVEY_PRICES = ['free', 'up_to_10', 'up_to_30', 'up_to_50', 'over_50'] as const
export type SurveyPrice = (typeof SURVEY_PRICES)[number]
export const SURVEY_PRICE_NAMES: Record<SurveyPrice, string> = {
  free: '只用免费的',
  up_to_10: '每次 10 元以内',
  up_to_30: '每次 10–30 元',
  up_to_50: '每次 30–50 元',
  over_50: '每次 50 元以上也可以',
}

export const SURVEY_TITLE = { min: 4, max: 40 } as const
export const SURVEY_INTRO_MAX = 300
export const SURVEY_TEXT_MAX = 300

const distinct = <T extends string>(values: readonly T[], label: string, max: number) =>
  z
    .array(z.enum(values as unknown as [T, ...T[]], { error: `${label}的选项不对，请重新选择` }), { error: `请选择${label}` })
    .min(1, { error: `请至少选择一项${label}` })
    .max(max, { error: `${label}最多 ${max} 项` })
    .refine((items) => new Set(items).size === items.length, { error: `${label}有重复的选项` })

export const surveyCreateSchema = z.strictObject({
  streetId: idSchema,
  title: z
    .string({ error: '请填写标题' })
    .trim()
    .min(SURVEY_TITLE.min, { error: `标题至少 ${SURVEY_TITLE.min} 个字` })
    .max(SURVEY_TITLE.max, { error: `标题最多 ${SURVEY_TITLE.max} 个字` }),
  intro: z.string({ error: '说明应为文字' }).trim().max(SURVEY_INTRO_MAX, { error: `说明最多 ${SURVEY_INTRO_MAX} 个字` }).optional(),
  /** The last day residents can answer. */
  closesOn: calendarDateSchema,
})
export type SurveyCreate = z.infer<typeof surveyCreateSchema>

export const surveyAnswerSchema = z.strictObject({
  /** The resident's own community, among the survey's street's: the results are counted per community. */
  communityId: idSchema,
  services: z.array(functionCodeSchema, { error: '请选择需要的服务' }).min(1, { error: '请至少选择一项需要的服务' }).max(FUNCTION_CODES.length)
    .refine((items) => new Set(items).size === items.length, { error: '服务有重复的选项' }),
  times: distinct(SURVEY_TIMES, '方便的时间', SURVEY_TIMES.length),
  price: z.enum(SURVEY_PRICES, { error: '请选择能接受的价格' }),
  text: z.string({ error: '其他想法应为文字' }).trim().max(SURVEY_TEXT_MAX, { error: `其他想法最多 ${SURVEY_TEXT_MAX} 个字` }).optional(),
})
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>

const countsOf = <T extends string>(keys: readonly T[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T, z.ZodNumber>)

/** How many chose each option: a survey's whole, or one community's. */
export const surveyTallySchema = z.object({
  responses: z.number().int(),
  services: countsOf(FUNCTION_CODES),
  times: countsOf(SURVEY_TIMES),
  prices: countsOf(SURVEY_PRICES),
})
export type SurveyTally = z.infer<typeof surveyTallySchema>

export const surveyResultsSchema = z.object({
  total: surveyTallySchema,
  communities: z.array(surveyTallySchema.extend({ communityId: z.string(), communityName: z.string() })),
  /** Residents' own words; for the street office only (residents see the counts). */
  texts: z.array(z.object({ communityName: z.string(), text: z.string() })).optional(),
})
export type SurveyResults = z.infer<typeof surveyResultsSchema>

export const surveySchema = z.object({
  id: z.string(),
  streetId: z.string(),
  streetName: z.string(),
  title: z.string(),
  intro: z.string().nullable(),
  opensOn: calendarDateSchema,
  closesOn: calendarDateSchema,
  closed: z.boolean(),
  responses: z.number().int(),
  /** The signed-in resident has answered (residents' views only). */
  answered: z.boolean().optional(),
  /** The street's communities, for the answer form. */
  communities: z.array(z.object({ id: z.string(), name: z.string() })),
  /** A closed survey's results, for everyone; an open one's only for the street office. */
  results: surveyResultsSchema.nullable(),
})
export type Survey = z.infer<typeof surveySchema>

export const surveyListSchema = z.object({ items: z.array(surveySchema) })
export const surveyIdParamsSchema = z.strictObject({ id: idSchema })
export const surveyExportQuerySchema = z.strictObject({ format: z.enum(['xlsx'], { error: '格式应为 xlsx' }) })
