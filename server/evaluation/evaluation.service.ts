import type { Evaluation, EvaluationRow, Period, WeightedMetric } from '@shared/evaluation'
import type { FunctionCode } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { shanghaiDate, toShanghaiIso } from '../time/shanghai'
import {
  type Key,
  bookableServices,
  casesDue,
  districtFacilities,
  evaluationSettings,
  placeCounts,
  serviceCounts,
} from './evaluation.repository'
import { type Prior, type RawCounts, composite, metricsOf } from './metrics'
import { periodEnded, periodRange } from './period'
import { insufficientDataReason, rank } from './ranking'

/** Where the district's mean starts before its ratings count: 满意. */
const NEUTRAL_MEAN = 4

/**
 * The evaluation of a district's facilities for a period, per facility × function: use, completion, no-shows,
 * ratings, satisfaction, the adjusted score, willingness, rectification on time, and a composite from the
 * district's weights; ranked within each function (a nursery is compared with nurseries), among the rows with
 * enough data — the others are 「数据不足」, unranked, after them.
 */
export async function evaluate(
  db: Kysely<Database>,
  districtId: string,
  period: Period,
  now: Date,
  /** One service only; and for street staff, only their streets' facilities (ranked as in the whole district). */
  { fn, streetIds }: { fn?: FunctionCode; streetIds?: string[] } = {},
): Promise<Evaluation> {
  const range = periodRange(period)
  const facilities = (await districtFacilities(db, districtId)).filter((f) => f.is_reserve !== 1)
  const ids = facilities.map((f) => f.id)
  const [settings, offered, { bookings, ratings }, places, cases] = await Promise.all([
    evaluationSettings(db, districtId),
    bookableServices(db, ids),
    serviceCounts(db, ids, range),
    placeCounts(db, ids, range),
    casesDue(db, ids, range),
  ])

  const today = shanghaiDate(now)
  const caseCounts = new Map<Key, { onTime: number; late: number; overdue: number }>()
  for (const c of cases) {
    const k: Key = `${c.facility_id}|${c.function_code}`
    const counts = caseCounts.get(k) ?? { onTime: 0, late: 0, overdue: 0 }
    if (c.answered_at) {
      if (toShanghaiIso(c.answered_at).slice(0, 10) <= c.due_date) counts.onTime++
      else counts.late++
    } else if (c.due_date < today) {
      counts.overdue++
    }
    caseCounts.set(k, counts)
  }

  let levelSum = 0
  let ratingTotal = 0
  for (const r of ratings.values()) {
    levelSum += r.levelSum
    ratingTotal += r.ratings
  }
  // The prior's mean is the district's, itself drawn toward 满意 while the district has few ratings: a first 差评
  // in a quiet month must not become the yardstick every facility is measured against.
  const weight = settings.priorWeight
  const prior: Prior = { mean: (levelSum + weight * NEUTRAL_MEAN) / (ratingTotal + weight), weight }

  const keys = new Set<Key>([...offered, ...bookings.keys(), ...places.keys(), ...ratings.keys(), ...caseCounts.keys()])
  const rows: Omit<EvaluationRow, 'rank'>[] = []
  const facilityById = new Map(facilities.map((f) => [f.id, f]))
  for (const k of keys) {
    const [facilityId, code] = k.split('|') as [string, FunctionCode]
    if (fn && code !== fn) continue
    const facility = facilityById.get(facilityId)
    if (!facility) continue
    const b = bookings.get(k)
    const p = places.get(k)
    const r = ratings.get(k)
    const c = caseCounts.get(k)
    const raw: RawCounts = {
      bookings: b?.bookings ?? 0,
      completed: b?.completed ?? 0,
      noShows: b?.noShows ?? 0,
      placesTaken: p?.taken ?? 0,
      placesOffered: p?.offered ?? 0,
      ratings: r?.ratings ?? 0,
      satisfied: r?.satisfied ?? 0,
      levelSum: r?.levelSum ?? 0,
      wouldUseAgain: r?.again ?? 0,
      casesOnTime: c?.onTime ?? 0,
      casesLate: c?.late ?? 0,
      overdueOpen: c?.overdue ?? 0,
    }
    const metrics = metricsOf(raw, prior)
    const insufficientReason = insufficientDataReason(raw, settings.rankMinimum)
    rows.push({
      facilityId,
      facilityName: facility.name,
      operatorId: facility.operator_id,
      operatorName: facility.operator_name,
      function: code,
      ...metrics,
      composite: composite(metrics, settings.weights as Partial<Record<WeightedMetric, number>>),
      insufficientData: insufficientReason !== null,
      insufficientReason,
    })
  }

  const byFunction = new Map<string, Omit<EvaluationRow, 'rank'>[]>()
  for (const row of rows) {
    const same = byFunction.get(row.function)
    if (same) same.push(row)
    else byFunction.set(row.function, [row])
  }
  const watched = streetIds && new Set(facilities.filter((f) => streetIds.includes(f.street_id)).map((f) => f.id))
  const ranked = [...byFunction.keys()]
    .sort()
    .flatMap((code) => rank(byFunction.get(code) ?? []))
    .filter((row) => !watched || watched.has(row.facilityId))
  return {
    period,
    from: range.from,
    to: range.to,
    ended: periodEnded(period, today),
    prior,
    rankMinimum: settings.rankMinimum,
    rows: ranked,
  }
}
