import { type Period, type QualifiedList, qualifiedListSchema } from '@shared/evaluation'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { NotFoundError } from '../http/errors'
import { toShanghaiIso } from '../time/shanghai'
import { districtFacilities, evaluationSettings } from './evaluation.repository'
import { evaluate } from './evaluation.service'
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
  const row = await db
    .selectFrom('qualified_lists')
    .select('body')
    .$if(period !== undefined, (q) => q.where('period', '=', period as string))
    .orderBy('period', 'desc')
    .orderBy('computed_at', 'desc')
    .executeTakeFirst()
  if (!row) throw new NotFoundError(period ? `${period} 的合格运营商名单还没有发布` : '合格运营商名单还没有发布')
  return qualifiedListSchema.parse(JSON.parse(row.body))
}

/** The periods with a published list, newest first. */
export async function publishedPeriods(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('qualified_lists').select('period').distinct().orderBy('period', 'desc').execute()
  return rows.map((r) => r.period)
}
