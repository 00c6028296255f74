import { type Period, type QualifiedList, type QualifiedListPreview, periodName, periodNotEnded, qualifiedListSchema } from '@shared/evaluation'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { shanghaiDate, toShanghaiIso } from '../time/shanghai'
import { districtFacilities, evaluationSettings } from './evaluation.repository'
import { evaluate } from './evaluation.service'
import { periodEnded, periodRange } from './period'
import { districtName, publishedAt, publishedListBody, periodsWithAList, storeQualifiedList } from './qualified-list.repository'
import { qualify } from './qualification'

export class PeriodNotEndedError extends DomainError {
  constructor(period: Period) {
    super('period_not_ended', periodNotEnded(period, periodRange(period).to))
  }
}

/**
 * A period's qualified-operator list as it would be published now. Only an ended period has one: a list drawn
 * mid-period would name as qualified, or not, operators whose period is still running.
 */
async function computeQualifiedList(db: Kysely<Database>, districtId: string, period: Period, now: Date): Promise<QualifiedList> {
  if (!periodEnded(period, shanghaiDate(now))) throw new PeriodNotEndedError(period)
  const [evaluation, settings, facilities, name] = await Promise.all([
    evaluate(db, districtId, period, now),
    evaluationSettings(db, districtId),
    districtFacilities(db, districtId),
    districtName(db, districtId),
  ])
  // A reserve project (储备) is not built: its operator, if named, has nothing to be judged on yet.
  const operators = new Map<string, string>()
  for (const f of facilities) if (f.operator_id && f.is_reserve !== 1) operators.set(f.operator_id, f.operator_name ?? f.operator_id)
  const criteria = { minRatings: settings.minRatings, minSatisfaction: settings.minSatisfaction, maxOverdue: settings.maxOverdue }
  return {
    period,
    districtName: name,
    computedAt: toShanghaiIso(now),
    criteria,
    operators: qualify(evaluation.rows, [...operators].map(([id, name]) => ({ id, name })), criteria),
  }
}

/** What publishing would put out, stored nowhere, and when the list it would replace was published. */
export async function previewQualifiedList(db: Kysely<Database>, districtId: string, period: Period, now: Date): Promise<QualifiedListPreview> {
  const [list, replaces] = await Promise.all([computeQualifiedList(db, districtId, period, now), publishedAt(db, districtId, period)])
  return { ...list, replaces: replaces && toShanghaiIso(replaces) }
}

/** Computes an ended period's qualified-operator list and publishes it; a period published again replaces its list. */
export async function publishQualifiedList(db: Kysely<Database>, districtId: string, period: Period, now: Date): Promise<QualifiedList> {
  const list = await computeQualifiedList(db, districtId, period, now)
  await storeQualifiedList(db, districtId, period, now, JSON.stringify(list))
  return list
}

/** The published list: of a period, or the newest; earlier periods stay readable (history). */
export async function publishedQualifiedList(db: Kysely<Database>, period?: Period): Promise<QualifiedList> {
  const wanted = period ?? (await publishedPeriods(db))[0]
  const row = wanted ? await publishedListBody(db, wanted) : undefined
  if (!row) throw new NotFoundError(period ? `${periodName(period)}的合格运营商名单还没有发布` : '合格运营商名单还没有发布')
  // The name is read with the list, so that lists published before they carried it show it too.
  return qualifiedListSchema.parse({ ...JSON.parse(row.body), districtName: row.district_name })
}

/** The periods with a published list, the latest-ending first (of two ending together, the longer). */
export async function publishedPeriods(db: Kysely<Database>): Promise<string[]> {
  const rows = await periodsWithAList(db)
  return rows
    .map((period) => ({ period, range: periodRange(period) }))
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
    if (await publishedAt(db, id, period)) continue
    await publishQualifiedList(db, id, period, now)
    published.push(id)
  }
  return published
}
