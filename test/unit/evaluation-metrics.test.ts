import { type RawCounts, adjustedScore, composite, metricsOf } from '../../server/evaluation/metrics'
import { periodRange } from '../../server/evaluation/period'
import { qualify } from '../../server/evaluation/qualification'
import type { EvaluationRow } from '@shared/evaluation'

const counts: RawCounts = {
  bookings: 9, completed: 6, noShows: 2, placesTaken: 40, placesOffered: 80,
  ratings: 4, satisfied: 3, levelSum: 13, wouldUseAgain: 3, casesOnTime: 1, casesLate: 0, overdueOpen: 0,
}
const prior = { mean: 23 / 6, weight: 10 }
const weights = { utilisation: 0.2, completion: 0.1, satisfaction: 0.3, score: 0.15, willingness: 0.15, rectification: 0.1 }

describe('evaluation metrics', () => {
  it('computes every rate from the counts', () => {
    const m = metricsOf(counts, prior)
    expect(m.utilisation).toBe(0.5)
    expect(m.completionRate).toBeCloseTo(6 / 9)
    expect(m.noShowRate).toBeCloseTo(2 / 9)
    expect(m.satisfactionRate).toBe(0.75)
    expect(m.meanLevel).toBe(3.25)
    expect(m.willingnessRate).toBe(0.75)
    expect(m.rectificationOnTimeRate).toBe(1)
    // (10 × 23/6 + 13) ÷ (10 + 4)
    expect(m.adjustedScore).toBeCloseTo(51.3333 / 14, 4)
  })

  it('pulls a few ratings toward the district mean and many hardly at all', () => {
    expect(adjustedScore(10, 2, { mean: 4, weight: 10 })).toBeCloseTo(50 / 12)
    expect(adjustedScore(1000, 200, { mean: 4, weight: 10 })).toBeCloseTo(1040 / 210)
    expect(adjustedScore(0, 0, prior)).toBeNull()
  })

  it('weighs the composite 0–100 and gives a missing metric’s weight to the others', () => {
    expect(composite(metricsOf(counts, prior), weights)).toBeCloseTo(70.42, 2)
    const noCases = metricsOf({ ...counts, casesOnTime: 0 }, prior)
    expect(noCases.rectificationOnTimeRate).toBeNull()
    // The same five metrics over 0.9 of the weight.
    expect(composite(noCases, weights)).toBeCloseTo((0.1 + 0.0666667 + 0.225 + 0.1 + 0.1125) / 0.9 * 100, 1)
    expect(composite(metricsOf({ ...counts, bookings: 0, placesOffered: 0, ratings: 0, casesOnTime: 0 }, prior), weights)).toBeNull()
  })

  it('reads months, quarters and years as service-day ranges', () => {
    expect(periodRange('2027-02')).toEqual({ kind: 'month', from: '2027-02-01', to: '2027-02-28' })
    expect(periodRange('2026-12')).toEqual({ kind: 'month', from: '2026-12-01', to: '2026-12-31' })
    expect(periodRange('2026-Q4')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' })
    expect(periodRange('2026-Q1')).toEqual({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' })
    expect(periodRange('2026')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' })
  })
})

describe('qualified-operator criteria at their boundaries', () => {
  const criteria = { minRatings: 10, minSatisfaction: 0.9, maxOverdue: 0 }
  const row = (operatorId: string, ratings: number, satisfied: number, overdue = 0) =>
    ({ operatorId, ratings, satisfactionRate: ratings ? satisfied / ratings : null, overdueCases: overdue }) as EvaluationRow
  const operators = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `运营方${id}` }))

  it('qualifies exactly at the minimum, and says why each miss', () => {
    const list = qualify([row('a', 10, 9), row('b', 9, 9), row('c', 20, 17), row('d', 10, 10, 1)], operators, criteria)
    const of = (id: string) => list.find((o) => o.operatorId === id)
    expect(of('a')).toMatchObject({ qualified: true, verdict: 'qualified', reasons: [] })
    // Too few ratings is no verdict on the operator: 数据不足, not 未达标.
    expect(of('b')).toMatchObject({ qualified: false, verdict: 'insufficient_data', reasons: ['本期评价 9 条，不足 10 条'] })
    expect(of('c')).toMatchObject({ verdict: 'not_qualified', reasons: ['满意率 85.0%，低于 90.0%'] })
    expect(of('d')).toMatchObject({ verdict: 'not_qualified', reasons: ['有 1 件差评整改逾期'] })
    expect(of('e')).toMatchObject({ qualified: false, verdict: 'insufficient_data', reasons: ['本期评价 0 条，不足 10 条'], satisfactionRate: null })
    // Qualified first, then those who missed a criterion, then those not judged.
    expect(list.map((o) => o.operatorId)).toEqual(['a', 'c', 'd', 'b', 'e'])
  })

  it('sums an operator’s facilities', () => {
    const [a] = qualify([row('a', 6, 6), row('a', 4, 3)], [operators[0]], criteria)
    expect(a).toMatchObject({ ratings: 10, satisfactionRate: 0.9, qualified: true })
  })
})
