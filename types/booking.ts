import { MOBILE } from './common'
import { z } from 'zod'
import { idSchema } from './common'
import { careConsentSchema, infantCareChoiceSchema } from './care'
import { calendarDateSchema } from './dates'
import { functionCodeSchema } from './functions'
import { halfWidth } from './half-width'
import { BOOKING_STATUSES, FULFILMENTS, SESSION_PARTS, UNBOOKABLE_REASONS } from './booking-names'

// The lists and their names live in booking-names.ts, free of zod, for the WeChat main package's tab pages.
export {
  BOOKING_STATUSES,
  type BookingStatus,
  FULFILMENT_NAMES,
  FULFILMENTS,
  type Fulfilment,
  PART_NAMES,
  payWhere,
  SESSION_PARTS,
  type SessionPart,
  STATUS_NAMES,
  UNBOOKABLE_REASON_NAMES,
  UNBOOKABLE_REASONS,
} from './booking-names'

export const sessionPartSchema = z.enum(SESSION_PARTS)
export const unbookableReasonSchema = z.enum(UNBOOKABLE_REASONS)
export const fulfilmentSchema = z.enum(FULFILMENTS, { error: '取餐方式应为 堂食、自取 或 送餐上门' })
export const bookingStatusSchema = z.enum(BOOKING_STATUSES, { error: '状态不正确' })

export const mealSetSchema = z.object({
  id: z.string(),
  name: z.string(),
  dishes: z.array(z.string()),
  /** 低盐 / 低糖 / 软食 …: for hypertension, diabetes, chewing difficulty. */
  tags: z.array(z.string()),
  priceFen: z.number().int(),
})
export type MealSet = z.infer<typeof mealSetSchema>

export const sessionSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  function: functionCodeSchema,
  date: z.string(),
  part: sessionPartSchema,
  /** ISO instants with the +08:00 offset. */
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  remaining: z.number().int(),
  bookable: z.boolean(),
  reason: unbookableReasonSchema.optional(),
  /** Orders close at this instant; cancelling is possible until `cancelUntil`. */
  cutoffAt: z.string(),
  cancelUntil: z.string(),
  /** The most units one order may take. */
  maxUnits: z.number().int(),
  /** Services priced per session (a night's bed, a day place): its price. */
  priceFen: z.number().int().optional(),
  /** Meal sessions: the sets on the menu. */
  sets: z.array(mealSetSchema).optional(),
  /** Infant care: places per class (a child's class follows from the birth date on the day). */
  classes: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        capacity: z.number().int(),
        remaining: z.number().int(),
        /** 全日托, per day. */
        priceFen: z.number().int(),
        /** The facility's rates for the other types (null: not offered): per half day, per hour, per day. */
        rates: z.object({ halfDayFen: z.number().int().nullable(), hourlyFen: z.number().int().nullable(), temporaryFen: z.number().int().nullable() }),
      }),
    )
    .optional(),
})
export type Session = z.infer<typeof sessionSchema>

export const mealOptionsSchema = z.object({
  deliveryFeeFen: z.number().int(),
  deliveryRadiusM: z.number().int(),
  deliveryMinAge: z.number().int(),
})
export type MealOptions = z.infer<typeof mealOptionsSchema>

export const sessionListSchema = z.object({
  /** Today in Asia/Shanghai and the last day that can be booked. */
  today: z.string(),
  lastBookableDate: z.string(),
  sessions: z.array(sessionSchema),
  meal: mealOptionsSchema.optional(),
  /** The longest run of days one booking may take here (a respite stay's nights), when the facility sets one. */
  maxRunDays: z.number().int().nullable().optional(),
})
export type SessionList = z.infer<typeof sessionListSchema>

export const sessionListQuerySchema = z.strictObject({
  function: functionCodeSchema,
  date: calendarDateSchema.optional(),
})

const coordinate = (min: number, max: number, label: string) =>
  z.number({ error: `${label}应为数字` }).min(min, { error: `${label}超出范围` }).max(max, { error: `${label}超出范围` })

/** Where a meal goes; the position is GCJ-02, like the facility's it is measured from. */
export const deliveryAddressSchema = z.strictObject({
  address: z.string({ error: '请填写送餐地址' }).trim().min(2, { error: '请填写送餐地址' }).max(100),
  lat: coordinate(-90, 90, '纬度'),
  lng: coordinate(-180, 180, '经度'),
})

export const mealChoiceSchema = z
  .strictObject({
    setId: idSchema,
    fulfilment: fulfilmentSchema,
    delivery: deliveryAddressSchema.optional(),
  })
  .refine((m) => m.fulfilment !== 'delivery' || m.delivery !== undefined, {
    error: '送餐上门需要填写送餐地址',
    path: ['delivery'],
  })

/** A mainland mobile number as typed: spaces and dashes allowed (138 0000 0000). */
export const mobileSchema = z
  .string({ error: '请填写手机号' })
  // A Chinese keyboard's full-width digits (１３９…) and spaces or dashes between the groups are the same number.
  .transform((v) => halfWidth(v).replace(/[\s-]/g, ''))
  .pipe(z.string().min(1, { error: '请填写手机号' }).regex(new RegExp(`^${MOBILE.source}$`), { error: '手机号应为 11 位数字，以 1 开头' }))

/** 儿童托管: an adult who may collect the child, and how the staff reach them at pick-up time. */
export const collectorSchema = z.strictObject(
  {
    name: z.string({ error: '请填写接送人姓名' }).trim().min(1, { error: '请填写接送人姓名' }).max(20, { error: '接送人姓名最多 20 个字' }),
    phone: mobileSchema,
  },
  { error: '接送人应填写姓名和手机号' },
)
export type Collector = z.infer<typeof collectorSchema>
/** As stored and shown: bookings made before numbers were asked for have none. */
export const collectorViewSchema = z.object({ name: z.string(), phone: z.string().nullable() })
export type CollectorView = z.infer<typeof collectorViewSchema>
/** Stored collectors (names alone before 2026-12) as shown. */
export const collectorViews = (stored: readonly (string | { name: string; phone?: string | null })[]): CollectorView[] =>
  stored.map((c) => (typeof c === 'string' ? { name: c, phone: null } : { name: c.name, phone: c.phone ?? null }))

export const bookingRequestSchema = z.strictObject({
  sessionId: idSchema,
  /** Absent: the booker is the beneficiary. */
  memberId: idSchema.optional(),
  quantity: z
    .number({ error: '数量应为整数' })
    .int({ error: '数量应为整数' })
    .min(1, { error: '数量至少为 1' })
    .max(99, { error: '数量太大' })
    .default(1),
  meal: mealChoiceSchema.optional(),
  /** A run of days: every session of the same facility, service and part from the first one's day through this
   * day, all or nothing (a week of 全日托). */
  throughDate: calendarDateSchema.optional(),
  /** 日间照料: lunch that day from the facility's kitchen, booked with it through the meal engine (its own booking). */
  lunch: z.strictObject({ setId: idSchema }).optional(),
  /** Infant care: 全日托 (when absent), 半日托, 计时托 or 临时托. */
  infant: infantCareChoiceSchema.optional(),
  /** Infant care: the guardian's agreement and health declaration, needed on the first booking at a facility. */
  care: careConsentSchema.optional(),
  /** 儿童托管: the adults who may collect the child (1 to 3, each with a mobile number), recorded with the booking. */
  collectors: z
    .array(collectorSchema, { error: '请填写接送人' })
    .min(1, { error: '至少一位接送人' })
    .max(3, { error: '最多三位接送人' })
    .optional(),
  /** What the resident saw as 个人支付; if the price changed since, the booking is refused with `quote_changed`. */
  expectedPayableFen: z.number().int().min(0).optional(),
})
export type BookingRequest = z.infer<typeof bookingRequestSchema>

export const quoteSchema = z.object({
  /** 原价: what the order costs before any subsidy, delivery included. */
  originalFen: z.number().int(),
  deliveryFeeFen: z.number().int(),
  /** 补贴 */
  subsidyFen: z.number().int(),
  /** 个人支付, paid at the counter. */
  payableFen: z.number().int(),
  /** The subsidy tier that applied, e.g. 80 周岁及以上. */
  tier: z.string().nullable(),
  /** Sentences for the resident: why no subsidy, why only one portion is subsidised … */
  notes: z.array(z.string()),
  /** Where 个人支付 is paid: at the counter (when absent), to whoever delivers the meal, or at home (家政便民). */
  payAt: z.enum(['counter', 'delivery', 'home']).optional(),
})
export type Quote = z.infer<typeof quoteSchema>

export const bookingSchema = z.object({
  id: z.string(),
  /** Short, read-aloud code shown as a QR and text for check-in. */
  code: z.string(),
  status: bookingStatusSchema,
  sessionId: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  function: functionCodeSchema,
  /** What was booked, in words: 社区助餐 · 午餐, 日间照料, 婴幼儿托育 · 半日托（上午）, 儿童托管 · 放学后托管 … */
  service: z.string(),
  date: z.string(),
  /** Every day it covers, in order: one for a meal, five for a week of 托管, each night of a stay. */
  days: z.array(z.string()),
  part: sessionPartSchema,
  /** The first day's session start (cut-offs and the cancel deadline count from it). */
  startsAt: z.string(),
  /** The booked hours of each day, 'HH:MM' in Asia/Shanghai (半日托 in the morning: 08:00–12:00); a night ends the
   * next morning. */
  hours: z.object({ from: z.string(), to: z.string() }),
  quantity: z.number().int(),
  /** Who the service is for: a family member, or null for the booker (or a member deleted since). */
  member: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** 本人, the member's name, or 已删除的家庭成员: what to show. */
  beneficiaryName: z.string(),
  meal: z
    .object({
      setName: z.string(),
      dishes: z.array(z.string()),
      fulfilment: fulfilmentSchema,
      deliveryAddress: z.string().nullable(),
    })
    .optional(),
  /** 儿童托管: who may collect the child. */
  collectors: z.array(collectorViewSchema).optional(),
  /** A respite stay: its nights. */
  stay: z.object({ from: z.string(), to: z.string(), nights: z.number().int() }).optional(),
  /** True while staff have still to confirm it (its places are held). */
  awaitingConfirmation: z.boolean(),
  /** A place offered from the waitlist: held until this instant for the booker to confirm (null once confirmed). */
  offerExpiresAt: z.string().nullable(),
  /** The booker's 好差评 level once rated (5 非常满意 … 1 非常不满意); null before. */
  ratingLevel: z.number().int().nullable(),
  /** Infant care: the class on each day of the run. */
  care: z.object({ service: z.string(), days: z.array(z.object({ date: z.string(), className: z.string() })) }).optional(),
  quote: quoteSchema,
  cancelUntil: z.string(),
  cancellable: z.boolean(),
  /** Days of a run (托管, 托育, 日间照料) that can still be cancelled alone, each before its own deadline. */
  cancellableDays: z.array(z.string()).default([]),
  createdAt: z.string(),
  history: z.array(z.object({ status: bookingStatusSchema, at: z.string(), reason: z.string().nullable() })),
})
export type Booking = z.infer<typeof bookingSchema>

export const bookingListSchema = z.object({ bookings: z.array(bookingSchema) })
export const bookingListQuerySchema = z.strictObject({ status: bookingStatusSchema.optional() })
export const bookingIdParamsSchema = z.strictObject({ id: idSchema })
export const bookingDayParamsSchema = z.strictObject({ id: idSchema, date: calendarDateSchema })
export const cancelBodySchema = z.strictObject({ reason: z.string().trim().max(100).optional() })

/** `Idempotency-Key`: a client-chosen id per booking attempt, reused on every retry of that attempt. */
export const idempotencyKeySchema = z
  .string({ error: '缺少 Idempotency-Key 请求头' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'Idempotency-Key 应为 8–64 位字母、数字、下划线或短横线' })

/** The headers of a booking write. */
export const bookingHeadersSchema = z.object({ 'idempotency-key': idempotencyKeySchema })
