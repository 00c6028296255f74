import { type Period, type QualifiedList, qualifiedListSchema } from '@shared/evaluation'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { NotFoundError } from '../http/errors'
import { shanghaiDate, toShanghaiIso } from '../time/shanghai'
import { districtFacilities, evaluationSettings } from './evaluation.repository'
import { evaluate } from './evaluation.service'
import { periodRange } from './period'
import { qualify } from './qualification'

/** Computes a period's qualified-operator list and publishes it; a period computed again replaces its list. */
export async function publishQualifiedList(db: Kysely<Database>, districtId: string, period: Period, now: Date): Promise<QualifiedList> {
  const [evaluation, settings, facilities] = await Promise.all([
    evaluate(db, districtId, period, now),
    evaluationSettings(db, districtId),
    districtFacilities(db, districtId),
  ])
  const operators = new Map<string, string>()
  for (const f of facilities) if (f.operator_id) operators.set(f.operator_id, f.operator_name ?? f.operator_id)
  const criteria = { minRatings: settings.minRatings, minSatisfaction: settings.minSatisfaction, maxOverdue: settings.maxOverdue }
  const list: QualifiedList = {
    period,
    computedAt: toShanghaiIso(now),
    criteria,
    operators: qualify(evaluation.rows, [...operators].map(([id, name]) => ({ id, name })), criteria),
  }
  const body = JSON.stringify(list)
  await db
    .insertInto('qualified_lists')
    .values({ district_id: districtId, period, computed_at: now.toISOString(), body })
    .onConflict((oc) => oc.columns(['district_id', 'period']).doUpdateSet({ computed_at: now.toISOString(), body }))
    .execute()
  return list
}

/** The published list: of a period, or the newest; earlier periods stay readable (history). */
export async function publishedQualifiedList(db: Kysely<Database>, period?: Period): Promise<QualifiedList> {
  const wanted = period ?? (await publishedPeriods(db))[0]
  const row = wanted
    ? await db.selectFrom('qualified_lists').select('body').where('period', '=', wanted).orderBy('computed_at', 'desc').executeTakeFirst()
    : undefined
  if (!row) throw new NotFoundError(period ? `${period} 的合格运营商名单还没有发布` : '合格运营商名单还没有发布')
  return qualifiedListSchema.parse(JSON.parse(row.body))
}

/** The periods with a published list, the latest-ending first (of two ending together, the longer). */
export async function publishedPeriods(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('qualified_lists').select('period').distinct().execute()
  return rows
    .map((r) => ({ period: r.period, range: periodRange(r.period) }))
    .sort((a, b) => b.range.to.localeCompare(a.range.to) || a.range.from.localeCompare(b.range.from))
    .map((r) => r.period)
}

/** The quarter before the one `now` falls in (Asia/Shanghai): '2026-Q3' during October–December 2026. */
export function previousQuarter(now: Date): Period {
  const today = shanghaiDate(now)
  const year = Number(today.slice(0, 4))
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3)
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`
}

/**
 * Publishes each district's list for the quarter just ended, once: the list is computed every period without
 * anyone having to remember it; a district user can still publish again (after late corrections).
 */
export async function publishEndedQuarter(db: Kysely<Database>, now: Date): Promise<string[]> {
  const period = previousQuarter(now)
  const districts = await db.selectFrom('districts').select('id').execute()
  const published: string[] = []
  for (const { id } of districts) {
    const exists = await db.selectFrom('qualified_lists').select('period').where('district_id', '=', id).where('period', '=', period).executeTakeFirst()
    if (exists) continue
    await publishQualifiedList(db, id, period, now)
    published.push(id)
  }
  return published
}
