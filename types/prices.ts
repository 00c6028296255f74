import { z } from 'zod'
import { calendarDateSchema } from './dates'
import { functionCodeSchema } from './functions'

/** 价格公示: one priced item of a facility's services, as bookings are priced from it, and since when. */
export const priceItemSchema = z.object({
  item: z.string(),
  functionCode: functionCodeSchema,
  /** 日间照料, 托小班 · 全日托, 午餐 · A 套餐 (周六) … */
  label: z.string(),
  /** 元/天, 元/晚, 元/小时, 元/份 … */
  unit: z.string(),
  priceFen: z.number().int(),
  /** The day this price took effect; null when it was set before prices were recorded. */
  effectiveFrom: calendarDateSchema.nullable(),
})
export type PriceItem = z.infer<typeof priceItemSchema>

/** A change of one price: a new item (no previous price), a new price, or an item no longer offered (no price). */
export const priceChangeSchema = z.object({
  functionCode: functionCodeSchema,
  label: z.string(),
  unit: z.string(),
  priceFen: z.number().int().nullable(),
  previousFen: z.number().int().nullable(),
  effectiveFrom: calendarDateSchema,
  /** When it was changed (Asia/Shanghai ISO). */
  at: z.string(),
})
export type PriceChange = z.infer<typeof priceChangeSchema>

export const facilityPricesSchema = z.object({ items: z.array(priceItemSchema), changes: z.array(priceChangeSchema) })
export type FacilityPrices = z.infer<typeof facilityPricesSchema>

/** What the street office supervises: every price change at its facilities, newest first. */
export const adminPriceChangeListSchema = z.object({
  changes: z.array(priceChangeSchema.extend({ facilityId: z.string(), facilityName: z.string(), byOperator: z.boolean() })),
})
export type AdminPriceChangeList = z.infer<typeof adminPriceChangeListSchema>
