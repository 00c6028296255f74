import type { EvaluationRow, QualifiedList, QualifiedVerdict } from '@shared/evaluation'

export interface Criteria {
  minRatings: number
  minSatisfaction: number
  maxOverdue: number
}

interface OperatorTotals {
  operatorId: string
  operatorName: string
  ratings: number
  satisfied: number
  overdue: number
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`

const VERDICT_ORDER: Record<QualifiedVerdict, number> = { qualified: 0, not_qualified: 1, insufficient_data: 2 }

/**
 * Who is on the qualified-operator list for a period: enough ratings across the operator's facilities, enough of
 * them satisfied, and no more rectification cases overdue than allowed; every miss is said in a sentence. Too few
 * ratings alone is not a verdict on the operator: it is 数据不足 (未评定), never 未达标 — a quiet month or a facility
 * opened late must not read to residents as a failing operator.
 */
export function qualify(
  rows: EvaluationRow[],
  operators: { id: string; name: string }[],
  criteria: Criteria,
): QualifiedList['operators'] {
  const totals = new Map<string, OperatorTotals>(
    operators.map((o) => [o.id, { operatorId: o.id, operatorName: o.name, ratings: 0, satisfied: 0, overdue: 0 }]),
  )
  for (const row of rows) {
    const t = row.operatorId ? totals.get(row.operatorId) : undefined
    if (!t) continue
    t.ratings += row.ratings
    t.satisfied += Math.round((row.satisfactionRate ?? 0) * row.ratings)
    t.overdue += row.overdueCases
  }
  return [...totals.values()]
    .map((t) => {
      const satisfaction = t.ratings > 0 ? t.satisfied / t.ratings : null
      const failures: string[] = []
      if (satisfaction !== null && satisfaction < criteria.minSatisfaction) {
        failures.push(`满意率 ${percent(satisfaction)}，低于 ${percent(criteria.minSatisfaction)}`)
      }
      if (t.overdue > criteria.maxOverdue) failures.push(`有 ${t.overdue} 件差评整改逾期`)
      const tooFew = t.ratings < criteria.minRatings
      const verdict: QualifiedVerdict = failures.length > 0 ? 'not_qualified' : tooFew ? 'insufficient_data' : 'qualified'
      const reasons = tooFew ? [`本期评价 ${t.ratings} 条，不足 ${criteria.minRatings} 条`, ...failures] : failures
      return {
        operatorId: t.operatorId,
        operatorName: t.operatorName,
        qualified: verdict === 'qualified',
        verdict,
        reasons,
        ratings: t.ratings,
        satisfactionRate: satisfaction,
        overdueCases: t.overdue,
      }
    })
    .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || a.operatorName.localeCompare(b.operatorName, 'zh-CN'))
}
