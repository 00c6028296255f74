import { PART_NAMES, type SessionPart } from '@shared/booking'
import { INFANT_CARE_TYPE_NAMES, INFANT_CLASS_NAMES, type InfantCareType } from '@shared/care'
import type { FunctionCode } from '@shared/functions'
import { CARE_SCHEDULES, INFANT_RATE_UNITS, careScheduleOf } from '@shared/schedule'
import type { Kysely } from 'kysely'
import { findSchedules } from '../care/care-schedule.repository'
import type { Database } from '../db/schema'

/**
 * One price as the data bookings are priced from holds it: a weekday of a weekly plan (a set of Tuesday's lunch, a
 * class of Monday's 全日托) or a rate that holds every day (计时托). Its `item` is stable across changes, so a change
 * of one weekday's price is one change.
 */
export interface RawPrice {
  item: string
  functionCode: FunctionCode
  /** The item without its weekday: 日间照料, 午餐 · 红烧鸡腿套餐. */
  label: string
  unit: string
  priceFen: number
  weekday: number | null
  /** Items of one group priced alike read as one (午餐 12 元 for every set of every day). */
  group: string
  groupLabel: string
  /** What tells the items of a group apart (a meal's set), when several items make it. */
  variant: string | null
}

export const FUNCTION_ORDER: readonly string[] = [...new Set<string>(['meal', ...CARE_SCHEDULES.map((s) => s.function)])]

/** The item of a weekday of a weekly plan. */
export const weeklyItem = (base: string, weekday: number) => `${base}:w${weekday}`
/** The weekday of a weekly plan's item, and the item without it. */
export function splitItem(item: string): { base: string; weekday: number | null } {
  const match = item.match(/^(.*):w([0-6])$/)
  return match ? { base: match[1], weekday: Number(match[2]) } : { base: item, weekday: null }
}

/**
 * What a facility charges now, from the data bookings are priced from — the weekly plans days are published from
 * and the 托育 rates — for the functions it still offers.
 */
export async function currentPrices(db: Kysely<Database>, facilityId: string): Promise<RawPrice[]> {
  const [offered, schedules, meals, rates] = await Promise.all([
    db.selectFrom('facility_functions').select('function_code').where('facility_id', '=', facilityId).execute(),
    findSchedules(db, facilityId),
    db.selectFrom('meal_week_templates').select(['weekday', 'part', 'sets']).where('facility_id', '=', facilityId).execute(),
    db.selectFrom('infant_care_rates').selectAll().where('facility_id', '=', facilityId).execute(),
  ])
  const prices: RawPrice[] = []
  for (const meal of meals) {
    const part = PART_NAMES[meal.part as SessionPart] ?? meal.part
    const group = `meal:${meal.part}`
    for (const set of JSON.parse(meal.sets) as { name: string; priceFen: number }[]) {
      const base = `${group}:${set.name}`
      prices.push({ item: weeklyItem(base, meal.weekday), functionCode: 'meal', label: `${part} · ${set.name}`, unit: '元/份', priceFen: set.priceFen, weekday: meal.weekday, group, groupLabel: part, variant: set.name })
    }
  }
  for (const schedule of schedules) {
    const { function: functionCode, name, unit } = careScheduleOf(schedule.code)
    for (const day of schedule.days) {
      const priced = day.classes?.map((c) => ({ base: `${schedule.code}:${c.classCode}`, label: `${INFANT_CLASS_NAMES[c.classCode]} · ${name}`, priceFen: c.priceFen })) ?? [
        { base: schedule.code, label: name, priceFen: day.priceFen },
      ]
      for (const { base, label, priceFen } of priced) {
        prices.push({ item: weeklyItem(base, day.weekday), functionCode, label, unit, priceFen, weekday: day.weekday, group: base, groupLabel: label, variant: null })
      }
    }
  }
  for (const rate of rates) {
    const item = `infant_rate:${rate.class_code}:${rate.care_type}`
    const label = `${INFANT_CLASS_NAMES[rate.class_code]} · ${INFANT_CARE_TYPE_NAMES[rate.care_type as InfantCareType]}`
    const unit = INFANT_RATE_UNITS[rate.care_type as Exclude<InfantCareType, 'full_day'>]
    prices.push({ item, functionCode: 'infant_care', label, unit, priceFen: rate.price_fen, weekday: null, group: item, groupLabel: label, variant: null })
  }
  const offers = new Set(offered.map((o) => o.function_code))
  return prices.filter((p) => offers.has(p.functionCode))
}
