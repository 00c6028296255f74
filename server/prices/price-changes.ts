import { randomUUID } from 'node:crypto'
import type { FunctionCode } from '@shared/functions'
import type { AdminPriceChangeList, FacilityPrices, PriceChange } from '@shared/prices'
import type { Kysely, Selectable } from 'kysely'
import type { Database, PriceChangeTable } from '../db/schema'
import { toShanghaiIso } from '../time/shanghai'
import { currentPrices } from './price-list'

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
  const rows: Selectable<PriceChangeTable>[] = []
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

/** 价格公示: what the facility charges now, since when, and every change before. */
export async function facilityPrices(db: Kysely<Database>, facilityId: string): Promise<FacilityPrices> {
  const [current, history] = await Promise.all([currentPrices(db, facilityId), changesOf(db, [facilityId])])
  const recorded = await latestRecorded(db, facilityId)
  return {
    items: current.map((p) => {
      const last = recorded.get(p.item)
      return { ...p, effectiveFrom: last?.price_fen === p.priceFen ? last.effective_from : null }
    }),
    changes: history.map(toChange),
  }
}

/** Every price change at these facilities, newest first. */
export async function listPriceChanges(db: Kysely<Database>, facilityIds: string[]): Promise<AdminPriceChangeList> {
  const rows = await changesOf(db, facilityIds)
  const names = await db.selectFrom('facilities').select(['id', 'name']).execute()
  const nameOf = new Map(names.map((f) => [f.id, f.name]))
  return {
    changes: rows.map((r) => ({ ...toChange(r), facilityId: r.facility_id, facilityName: nameOf.get(r.facility_id) ?? r.facility_id, byOperator: r.user_id !== null })),
  }
}

async function latestRecorded(db: Kysely<Database>, facilityId: string): Promise<Map<string, Selectable<PriceChangeTable>>> {
  const rows = await db.selectFrom('price_changes').selectAll().where('facility_id', '=', facilityId).orderBy('at').orderBy('id').execute()
  return new Map(rows.map((r) => [r.item, r]))
}

function changesOf(db: Kysely<Database>, facilityIds: string[]) {
  if (facilityIds.length === 0) return Promise.resolve([])
  return db.selectFrom('price_changes').selectAll().where('facility_id', 'in', facilityIds).orderBy('at', 'desc').orderBy('label').limit(500).execute()
}

const toChange = (r: Selectable<PriceChangeTable>): PriceChange => ({
  functionCode: r.function_code as FunctionCode,
  label: r.label,
  unit: r.unit,
  priceFen: r.price_fen,
  previousFen: r.previous_fen,
  effectiveFrom: r.effective_from,
  at: toShanghaiIso(r.at),
})
