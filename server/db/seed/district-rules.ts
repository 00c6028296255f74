import type { Transaction } from 'kysely'
import { addDays } from '../../time/shanghai'
import type { Database } from '../schema'

// 国务院办公厅关于2026年部分节假日安排的通知: holidays on weekdays and weekend days worked (调休). 2027's 元旦 is
// added as the statutory day; the rest of 2027 is entered when the State Council publishes it.
export const CALENDAR_DAYS: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [
  ...range('2026-01-01', 3, '元旦'),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休' },
  ...range('2026-02-15', 9, '春节'),
  { date: '2026-02-14', kind: 'workday', name: '春节调休' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休' },
  ...range('2026-04-04', 3, '清明节'),
  ...range('2026-05-01', 5, '劳动节'),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休' },
  ...range('2026-06-19', 3, '端午节'),
  ...range('2026-09-25', 3, '中秋节'),
  ...range('2026-10-01', 7, '国庆节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
]

function range(from: string, days: number, name: string) {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(from, i), kind: 'holiday' as const, name }))
}

/** Weights of the composite score (sum 1): satisfaction and use first, as the plan's 满意度 and 利用频率. */
export const EVALUATION_WEIGHTS = { utilisation: 0.2, completion: 0.1, satisfaction: 0.3, score: 0.15, willingness: 0.15, rectification: 0.1 }

/** The calendar, the district's rating rules (30 days to rate; 15 working days to answer a 差评) and its evaluation
 * settings (prior of 10 ratings; ranked with ≥ 5 bookings and ≥ 3 ratings in the period, 「数据不足」 below,
 * see server/evaluation/ranking.ts; qualified with ≥ 10 ratings in the period,
 * ≥ 90 % satisfied, no overdue case). */
export async function seedRatingRules(trx: Transaction<Database>, districtId: string): Promise<void> {
  await trx
    .insertInto('calendar_days')
    .values(CALENDAR_DAYS)
    .onConflict((oc) => oc.column('date').doNothing())
    .execute()
  await trx
    .insertInto('rating_rules')
    .values({ district_id: districtId, window_days: 30, rectification_working_days: 15 })
    .onConflict((oc) => oc.column('district_id').doNothing())
    .execute()
  await trx
    .insertInto('evaluation_settings')
    .values({
      district_id: districtId,
      prior_weight: 10,
      rank_min_bookings: 5,
      rank_min_ratings: 3,
      min_ratings: 10,
      min_satisfaction: 0.9,
      max_overdue: 0,
    })
    .onConflict((oc) => oc.column('district_id').doNothing())
    .execute()
  await trx
    .insertInto('evaluation_weights')
    .values(Object.entries(EVALUATION_WEIGHTS).map(([metric, weight]) => ({ district_id: districtId, metric, weight })))
    .onConflict((oc) => oc.columns(['district_id', 'metric']).doNothing())
    .execute()
}
