import { randomUUID } from 'node:crypto'
import type { FunctionCode } from '@shared/functions'
import type { AdminPriceChangeList, FacilityPrices, PriceChange, PriceItem } from '@shared/prices'
import type { Kysely, Selectable } from 'kysely'
import type { Database, PriceChangeTable } from '../db/schema'
import { toShanghaiIso } from '../time/shanghai'
import { foldWeekdays } from './price-fold'
import { FUNCTION_ORDER, type RawPrice, currentPrices, splitItem } from './price-list'

type PriceChangeRow = Selectable<PriceChangeTable>

export interface PriceNote {
  /** The first day the new prices apply to: days already published keep theirs. */
  effectiveFrom: string
  /** Who changed them; null for the sample data. */
  userId: string | null
  now: Date
}

/**
 * Records every price of the facility that differs from the last one recorded for it — new, changed or no longer
 * offered — so the public list says since when each price holds and the street office sees each change. Called in
 * the transaction of whatever changed them.
 */
export async function notePriceChanges(db: Kysely<Database>, facilityId: string, note: PriceNote): Promise<number> {
  const [current, recorded] = await Promise.all([currentPrices(db, facilityId), latestRecorded(db, facilityId)])
  const rows: PriceChangeRow[] = []
  const change = (item: string, fields: Pick<PriceChangeTable, 'function_code' | 'label' | 'unit' | 'price_fen' | 'previous_fen'>) =>
    rows.push({ id: randomUUID(), facility_id: facilityId, item, ...fields, effective_from: note.effectiveFrom, at: note.now.toISOString(), user_id: note.userId })
  for (const price of current) {
    const last = recorded.get(price.item)
    if (last?.price_fen === price.priceFen) continue
    change(price.item, { function_code: price.functionCode, label: price.label, unit: price.unit, price_fen: price.priceFen, previous_fen: last?.price_fen ?? null })
  }
  const offered = new Set(current.map((p) => p.item))
  for (const last of recorded.values()) {
    if (last.price_fen === null || offered.has(last.item)) continue
    change(last.item, { function_code: last.function_code, label: last.label, unit: last.unit, price_fen: null, previous_fen: last.price_fen })
  }
  if (rows.length > 0) await db.insertInto('price_changes').values(rows).execute()
  return rows.length
}

/** 价格公示: what the facility charges now and since when, and every change made since prices were first listed. */
export async function facilityPrices(db: Kysely<Database>, facilityId: string): Promise<FacilityPrices> {
  const [current, recorded, history] = await Promise.all([currentPrices(db, facilityId), latestRecorded(db, facilityId), changesOf(db, [facilityId])])
  const since = (p: RawPrice) => {
    const last = recorded.get(p.item)
    return last?.price_fen === p.priceFen ? last.effective_from : null
  }
  return { items: priceBoard(current, since), changes: foldChanges(history).map(toChange) }
}

/** Every price change at these facilities, newest first, folded over weekdays as the public list is. */
export async function listPriceChanges(db: Kysely<Database>, facilityIds: string[]): Promise<AdminPriceChangeList> {
  const rows = await changesOf(db, facilityIds)
  const names = await db.selectFrom('facilities').select(['id', 'name']).execute()
  const nameOf = new Map(names.map((f) => [f.id, f.name]))
  return {
    changes: foldChanges(rows).map((r) => ({
      ...toChange(r),
      facilityId: r.facility_id,
      facilityName: nameOf.get(r.facility_id) ?? r.facility_id,
      byOperator: r.user_id !== null,
    })),
  }
}

/**
 * A group priced alike everywhere reads as one line (午餐 12 元); a group of several items (a meal's sets) one line
 * per price, naming its items (午餐 10 元：素食套餐、躁子面套餐); an item priced by weekday, its weekdays folded.
 */
function priceBoard(current: RawPrice[], since: (p: RawPrice) => string | null): PriceItem[] {
  const groups = new Map<string, RawPrice[]>()
  for (const p of current) groups.set(p.group, [...(groups.get(p.group) ?? []), p])
  const items: PriceItem[] = []
  const sameAs = (p: RawPrice) => `${p.priceFen}|${since(p)}`
  for (const [group, prices] of groups) {
    const item = (p: RawPrice, key: string, label: string): PriceItem => ({ item: key, functionCode: p.functionCode, label, unit: p.unit, priceFen: p.priceFen, effectiveFrom: since(p) })
    const alike = new Map<string, RawPrice[]>()
    for (const p of prices) alike.set(sameAs(p), [...(alike.get(sameAs(p)) ?? []), p])
    if (alike.size === 1) {
      items.push(item(prices[0], group, prices[0].groupLabel))
    } else if (prices.some((p) => p.variant !== null)) {
      for (const [same, list] of alike) {
        const variants = [...new Set(list.map((p) => p.variant))].join('、')
        items.push(item(list[0], `${group}:${same}`, `${list[0].groupLabel}：${variants}`))
      }
    } else {
      const folded = foldWeekdays(prices.map((p) => ({ ...p, base: splitItem(p.item).base })), sameAs)
      for (const f of folded) items.push(item(f, f.weekdays.length ? `${f.base}:${f.weekdays.join('')}` : f.base, f.label))
    }
  }
  return items.sort((a, b) => FUNCTION_ORDER.indexOf(a.functionCode) - FUNCTION_ORDER.indexOf(b.functionCode))
}

/**
 * The history as changes a person made: the prices listed when the sample district was set up are not changes; a
 * change of several weekdays at once is one line (日间照料（周一至周五）：30 元 → 32 元).
 */
function foldChanges(rows: PriceChangeRow[]): PriceChangeRow[] {
  const made = rows.filter((r) => r.user_id !== null || r.previous_fen !== null)
  const foldable = made.map((r) => ({ ...r, ...splitItem(r.item), base: `${r.facility_id}|${splitItem(r.item).base}` }))
  return foldWeekdays(foldable, (r) => `${r.at}|${r.price_fen}|${r.previous_fen}|${r.effective_from}`, { nameWholeWeek: true })
}

async function latestRecorded(db: Kysely<Database>, facilityId: string): Promise<Map<string, PriceChangeRow>> {
  const rows = await db.selectFrom('price_changes').selectAll().where('facility_id', '=', facilityId).orderBy('at').orderBy('id').execute()
  return new Map(rows.map((r) => [r.item, r]))
}

function changesOf(db: Kysely<Database>, facilityIds: string[]) {
  if (facilityIds.length === 0) return Promise.resolve([])
  return db.selectFrom('price_changes').selectAll().where('facility_id', 'in', facilityIds).orderBy('at', 'desc').orderBy('item').limit(2000).execute()
}

const toChange = (r: PriceChangeRow): PriceChange => ({
  functionCode: r.function_code as FunctionCode,
  label: r.label,
  unit: r.unit,
  priceFen: r.price_fen,
  previousFen: r.previous_fen,
  effectiveFrom: r.effective_from,
  at: toShanghaiIso(r.at),
})
