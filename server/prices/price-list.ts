import { PART_NAMES, type SessionPart } from '@shared/booking'
import { INFANT_CARE_TYPE_NAMES, INFANT_CLASS_NAMES, type InfantCareType } from '@shared/care'
import type { FunctionCode } from '@shared/functions'
import type { PriceItem } from '@shared/prices'
import { CARE_SCHEDULES, WEEKDAY_NAMES, careScheduleOf } from '@shared/schedule'
import type { Kysely } from 'kysely'
import { findSchedules } from '../care/care-schedule.repository'
import type { Database } from '../db/schema'

/** A price as one day of a weekly plan has it, before the week is folded into what a resident reads. */
interface DailyPrice {
  functionCode: FunctionCode
  unit: string
  /** Items priced alike are shown as one (午餐 12 元 for every set). */
  group: string
  groupLabel: string
  key: string
  label: string
  weekday: number | null
  priceFen: number
}

const UNITS: Record<string, string> = { infant_care: '元/天', after_school: '元/次', holiday_care: '元/天', day_care: '元/天', respite: '元/晚' }
const RATE_UNITS: Record<Exclude<InfantCareType, 'full_day'>, string> = { half_day: '元/半天', hourly: '元/小时', temporary: '元/天' }
const FUNCTION_ORDER = [...new Set<string>(['meal', ...CARE_SCHEDULES.map((s) => s.function)])]

/**
 * What a facility charges now, read from the data bookings are priced from — the weekly plans days are published
 * from and the 托育 rates — for the functions it still offers. A week with one price per item reads as that price;
 * an item priced differently on some weekdays is listed per weekday.
 */
export async function currentPrices(db: Kysely<Database>, facilityId: string): Promise<Omit<PriceItem, 'effectiveFrom'>[]> {
  const [offered, schedules, meals, rates] = await Promise.all([
    db.selectFrom('facility_functions').select('function_code').where('facility_id', '=', facilityId).execute(),
    findSchedules(db, facilityId),
    db.selectFrom('meal_week_templates').select(['weekday', 'part', 'sets']).where('facility_id', '=', facilityId).execute(),
    db.selectFrom('infant_care_rates').selectAll().where('facility_id', '=', facilityId).execute(),
  ])
  const daily: DailyPrice[] = []
  for (const meal of meals) {
    const part = PART_NAMES[meal.part as SessionPart] ?? meal.part
    for (const set of JSON.parse(meal.sets) as { name: string; priceFen: number }[]) {
      const group = `meal:${meal.part}`
      daily.push({ functionCode: 'meal', unit: '元/份', group, groupLabel: part, key: `${group}:${set.name}`, label: `${part} · ${set.name}`, weekday: meal.weekday, priceFen: set.priceFen })
    }
  }
  for (const schedule of schedules) {
    const { function: functionCode, name } = careScheduleOf(schedule.code)
    const unit = UNITS[schedule.code]
    for (const day of schedule.days) {
      if (!day.classes) {
        daily.push({ functionCode, unit, group: schedule.code, groupLabel: name, key: schedule.code, label: name, weekday: day.weekday, priceFen: day.priceFen })
        continue
      }
      for (const c of day.classes) {
        const key = `${schedule.code}:${c.classCode}`
        const label = `${INFANT_CLASS_NAMES[c.classCode]} · ${name}`
        daily.push({ functionCode, unit, group: key, groupLabel: label, key, label, weekday: day.weekday, priceFen: c.priceFen })
      }
    }
  }
  for (const rate of rates) {
    const key = `infant_rate:${rate.class_code}:${rate.care_type}`
    const label = `${INFANT_CLASS_NAMES[rate.class_code]} · ${INFANT_CARE_TYPE_NAMES[rate.care_type as InfantCareType]}`
    const unit = RATE_UNITS[rate.care_type as Exclude<InfantCareType, 'full_day'>]
    daily.push({ functionCode: 'infant_care', unit, group: key, groupLabel: label, key, label, weekday: null, priceFen: rate.price_fen })
  }
  const offers = new Set(offered.map((o) => o.function_code))
  return foldWeek(daily.filter((d) => offers.has(d.functionCode))).sort(
    (a, b) => FUNCTION_ORDER.indexOf(a.functionCode) - FUNCTION_ORDER.indexOf(b.functionCode) || a.item.localeCompare(b.item),
  )
}

function foldWeek(daily: DailyPrice[]): Omit<PriceItem, 'effectiveFrom'>[] {
  const items: Omit<PriceItem, 'effectiveFrom'>[] = []
  const item = (d: DailyPrice, item: string, label: string) => ({ item, functionCode: d.functionCode, label, unit: d.unit, priceFen: d.priceFen })
  for (const group of groupBy(daily, (d) => d.group).values()) {
    if (onePrice(group)) {
      items.push(item(group[0], group[0].group, group[0].groupLabel))
      continue
    }
    for (const same of groupBy(group, (d) => d.key).values()) {
      if (onePrice(same)) items.push(item(same[0], same[0].key, same[0].label))
      else for (const d of same) items.push(item(d, `${d.key}:w${d.weekday}`, `${d.label}（${WEEKDAY_NAMES[d.weekday ?? 0]}）`))
    }
  }
  return items
}

const onePrice = (prices: DailyPrice[]) => new Set(prices.map((p) => p.priceFen)).size === 1

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row])
  return groups
}
