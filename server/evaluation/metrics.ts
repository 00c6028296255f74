import type { EvaluationRow, WeightedMetric } from '@shared/evaluation'

/** What the database counts for one facility × function in a period. */
export interface RawCounts {
  /** Not cancelled. */
  bookings: number
  completed: number
  noShows: number
  /** Places taken and places offered in the period's open sessions. */
  placesTaken: number
  placesOffered: number
  ratings: number
  satisfied: number
  levelSum: number
  wouldUseAgain: number
  /** Rectification cases due in the period (or earlier, still open): answered by the deadline, late, still open past it. */
  casesOnTime: number
  casesLate: number
  overdueOpen: number
}

export interface Prior {
  /** The district's mean level over the period. */
  mean: number
  /** How many ratings' worth the prior counts for. */
  weight: number
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

/**
 * The adjusted score is a Bayesian mean: each facility starts from `weight` imaginary ratings at the district's
 * mean, so two 非常满意 do not outrank two hundred 满意. We chose it over a Wilson lower bound because the levels
 * are an ordinal scale of five, not a yes/no share, and the prior keeps the score on the same 1–5 scale residents
 * know; the satisfaction rate (a share) is reported raw beside it.
 */
export function adjustedScore(levelSum: number, ratings: number, prior: Prior): number | null {
  if (ratings === 0) return null
  return (prior.weight * prior.mean + levelSum) / (prior.weight + ratings)
}

export type Metrics = Omit<
  EvaluationRow,
  'facilityId' | 'facilityName' | 'operatorId' | 'operatorName' | 'function' | 'rank' | 'composite' | 'insufficientData' | 'insufficientReason'
>

export function metricsOf(c: RawCounts, prior: Prior): Metrics {
  return {
    bookings: c.bookings,
    completed: c.completed,
    noShows: c.noShows,
    utilisation: share(c.placesTaken, c.placesOffered),
    completionRate: share(c.completed, c.bookings),
    noShowRate: share(c.noShows, c.bookings),
    ratings: c.ratings,
    satisfactionRate: share(c.satisfied, c.ratings),
    meanLevel: share(c.levelSum, c.ratings),
    adjustedScore: adjustedScore(c.levelSum, c.ratings, prior),
    willingnessRate: share(c.wouldUseAgain, c.ratings),
    rectificationOnTimeRate: share(c.casesOnTime, c.casesOnTime + c.casesLate + c.overdueOpen),
    overdueCases: c.overdueOpen + c.casesLate,
  }
}

/** Each weighted metric on a 0–1 scale (the adjusted score maps 1–5 onto it). */
function normalised(m: Metrics): Record<WeightedMetric, number | null> {
  return {
    utilisation: m.utilisation === null ? null : Math.min(1, m.utilisation),
    completion: m.completionRate,
    satisfaction: m.satisfactionRate,
    score: m.adjustedScore === null ? null : (m.adjustedScore - 1) / 4,
    willingness: m.willingnessRate,
    rectification: m.rectificationOnTimeRate,
  }
}

/** 0–100 from the district's weights; a metric without data (no ratings yet) leaves its weight to the others. */
export function composite(m: Metrics, weights: Partial<Record<WeightedMetric, number>>): number | null {
  let sum = 0
  let weightSeen = 0
  for (const [metric, value] of Object.entries(normalised(m)) as [WeightedMetric, number | null][]) {
    const weight = weights[metric] ?? 0
    if (value === null || weight <= 0) continue
    sum += weight * value
    weightSeen += weight
  }
  return weightSeen > 0 ? Math.round((sum / weightSeen) * 10000) / 100 : null
}
