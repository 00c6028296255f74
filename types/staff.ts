import { z } from 'zod'
import { collectorViewSchema, fulfilmentSchema, quoteSchema, sessionPartSchema, bookingStatusSchema } from './booking'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'
import { functionCodeSchema } from './functions'
import { halfWidth } from './half-width'

/** What a staff member may do at a facility: run it (operator staff) or oversee it (street / district staff). */
export const staffAccessSchema = z.enum(['operate', 'oversee'])
export type StaffAccess = z.infer<typeof staffAccessSchema>

export const staffFacilitySchema = z.object({
  id: z.string(),
  name: z.string(),
  functions: z.array(functionCodeSchema),
  access: staffAccessSchema,
})
export const staffFacilityListSchema = z.object({ facilities: z.array(staffFacilitySchema) })
export type StaffFacility = z.infer<typeof staffFacilitySchema>

export const rosterQuerySchema = z.strictObject({ function: functionCodeSchema, date: calendarDateSchema })

/** One booking as the front desk and the kitchen need it: who, what, how; no phone or ID numbers. */
export const rosterEntrySchema = z.object({
  id: z.string(),
  code: z.string(),
  status: bookingStatusSchema,
  beneficiaryName: z.string(),
  /** Age on the service day, when known: the desk checks the subsidy tier with it. */
  age: z.number().int().nullable(),
  quantity: z.number().int(),
  setName: z.string().nullable(),
  fulfilment: fulfilmentSchema.nullable(),
  deliveryAddress: z.string().nullable(),
  dietNotes: z.string().nullable(),
  /** Children: allergies, the class on this day (托育), who may collect them (托管). */
  allergies: z.string().nullable(),
  className: z.string().nullable(),
  collectors: z.array(collectorViewSchema).nullable(),
  /** Held for staff to confirm (a respite stay without a care level). */
  awaitingConfirmation: z.boolean(),
  payableFen: z.number().int(),
})
export type RosterEntry = z.infer<typeof rosterEntrySchema>

export const rosterSessionSchema = z.object({
  id: z.string(),
  part: sessionPartSchema,
  /** A day of an activity: its title (书法入门班), said instead of the part. */
  activityTitle: z.string().nullable(),
  startsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  open: z.boolean(),
  closedReason: z.string().nullable(),
  /** Portions to cook: per set and fulfilment, counting booked and checked-in orders. */
  counts: z.array(z.object({ setName: z.string(), fulfilment: fulfilmentSchema, portions: z.number().int() })),
  entries: z.array(rosterEntrySchema),
})
export const rosterSchema = z.object({
  facilityId: z.string(),
  facilityName: z.string(),
  function: functionCodeSchema,
  date: z.string(),
  sessions: z.array(rosterSessionSchema),
})
export type Roster = z.infer<typeof rosterSchema>

export const staffFacilityParamsSchema = z.strictObject({ facilityId: idSchema })
/**
 * A check-in code as a clerk types or reads it: full-width digits from a Chinese keyboard (８７８９), spaces and
 * dashes between the groups (8789 9426) are the same code.
 */
export function normalizeCode(typed: string): string {
  return halfWidth(typed).replace(/[\s\u3000-]/g, '')
}

export const codeLookupQuerySchema = z.strictObject({
  code: z
    .string({ error: '请输入 8 位数字的核销码' })
    .transform(normalizeCode)
    .pipe(z.string().regex(/^\d{8}$/, { error: '核销码是 8 位数字' })),
})

/** A booking found by its code at the counter, with what staff do next. */
export const deskBookingSchema = z.object({
  entry: rosterEntrySchema,
  facilityId: z.string(),
  date: z.string(),
  part: sessionPartSchema,
  startsAt: z.string(),
  quote: quoteSchema,
  /** Its no-show or completion was entered today and may still be taken back (撤销). */
  undoable: z.boolean(),
  /** The service in words, as booked: 午餐, 半日托（上午）, 日间照料 … */
  service: z.string(),
  /**
   * What the desk may do with it now, by the desk's day rule (the server's, `desk-day.ts`): the page offers only
   * these. `notNow` says why the others cannot be done now (tomorrow's lunch, before the start).
   */
  allowed: z.object({ checkIn: z.boolean(), complete: z.boolean(), noShow: z.boolean() }),
  notNow: z.string().nullable(),
})
export type DeskBooking = z.infer<typeof deskBookingSchema>

export const deskActionSchema = z.enum(['check-in', 'complete', 'no-show'])
export type DeskAction = z.infer<typeof deskActionSchema>
export const deskActionParamsSchema = z.strictObject({ facilityId: idSchema, id: idSchema, action: deskActionSchema })
export const deskBookingParamsSchema = z.strictObject({ facilityId: idSchema, id: idSchema })
/** 撤销: why the entry was a mistake, kept with the undo in the booking's history. */
export const deskUndoBodySchema = z.strictObject({
  reason: z.string().trim().min(2, { error: '请写明原因，或不填' }).max(100, { error: '原因最多 100 个字' }).optional(),
})

export const capacityBodySchema = z.strictObject({
  capacity: z.number({ error: '容量应为整数' }).int({ error: '容量应为整数' }).min(0, { error: '容量不能为负数' }).max(10000),
})
export const sessionParamsSchema = z.strictObject({ facilityId: idSchema, sessionId: idSchema })

export const closeDayBodySchema = z.strictObject({
  function: functionCodeSchema,
  date: calendarDateSchema,
  reason: z.string({ error: '请填写停业原因' }).trim().min(2, { error: '请填写停业原因' }).max(100),
})
export const closeDayResultSchema = z.object({
  closedSessions: z.number().int(),
  cancelledBookings: z.number().int(),
  /** Of those, checked in and paid: the desk refunds them. */
  refunds: z.number().int(),
  /** Sessions of the day already started (lunch served at 12:30): left as they are, in words (午餐). */
  alreadyStarted: z.array(z.string()),
})
export type CloseDayResult = z.infer<typeof closeDayResultSchema>

/** 恢复营业: the day's sessions take bookings again; those cancelled by closing it stay cancelled. */
export const reopenDayBodySchema = closeDayBodySchema.omit({ reason: true })
export const reopenDayResultSchema = z.object({
  reopenedSessions: z.number().int(),
  /** Cancelled when the day was closed: not restored, the clerk tells those residents. */
  cancelledBookings: z.number().int(),
})

const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:MM' })

export const templateSetSchema = z.strictObject({
  name: z.string().trim().min(1, { error: '请填写套餐名称' }).max(20),
  dishes: z.array(z.string().trim().min(1).max(20)).min(1, { error: '至少一道菜' }).max(10),
  tags: z.array(z.string().trim().min(1).max(6)).max(6).default([]),
  priceFen: z.number().int({ error: '价格以分为单位，应为整数' }).min(0).max(100_000),
})

export const mealTemplateEntrySchema = z.strictObject({
  starts: clockSchema,
  ends: clockSchema,
  capacity: z.number().int().min(0).max(10_000),
  sets: z.array(templateSetSchema).min(1, { error: '至少一个套餐' }).max(8),
})
export type MealTemplateEntry = z.infer<typeof mealTemplateEntrySchema>

export const mealTemplateSchema = z.object({
  entries: z.array(
    mealTemplateEntrySchema.extend({ weekday: z.number().int(), part: sessionPartSchema }),
  ),
})
export const templateEntryParamsSchema = z.strictObject({
  facilityId: idSchema,
  weekday: z.enum(['0', '1', '2', '3', '4', '5', '6'], { error: '星期应为 0（周一）到 6（周日）' }).transform(Number),
  part: z.enum(['breakfast', 'lunch', 'dinner'], { error: '餐次应为 breakfast、lunch 或 dinner' }),
})
export const publishBodySchema = z
  .strictObject({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((b) => b.from <= b.to, { error: '结束日期不能早于开始日期', path: ['to'] })
export const publishResultSchema = z.object({ created: z.number().int() })

export const suspensionListSchema = z.object({
  suspensions: z.array(
    z.object({ id: z.string(), name: z.string(), functionCode: functionCodeSchema, reason: z.string(), until: z.string() }),
  ),
})
export type SuspensionList = z.infer<typeof suspensionListSchema>
