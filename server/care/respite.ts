import { serviceEligibility } from '@shared/eligibility'
import type { BookingPlan, PlanContext } from '../bookings/booking-plan'
import { DomainError, InvalidInputError } from '../http/errors'
import { addDays, daysBetween } from '../time/shanghai'

const dayName = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/**
 * 短期托养: a stay from its first night through `throughDate` takes one bed every night, all or nothing (the engine
 * guards each night), up to the facility's longest stay (`booking_rules.max_run_days`). A member without a care
 * level (能力评估) recorded by staff is accepted as awaiting confirmation; the beds are held meanwhile.
 */
export async function planRespiteStay(context: PlanContext): Promise<BookingPlan> {
  const { run, member, request } = context
  if (!member) throw new InvalidInputError('memberId', '请选择老人')
  const eligibility = serviceEligibility('respite', { name: member.name, birthDate: member.birth_date }, run[0].date)
  if (!eligibility.eligible) throw new InvalidInputError('memberId', eligibility.reason)
  if (request.quantity !== 1) throw new InvalidInputError('quantity', '每位老人每晚一张床位')
  const from = run[0].date
  const to = request.throughDate ?? from
  // Every night of the stay must have a bed to offer; a gap is a night the facility does not take guests.
  for (let i = 0; i <= daysBetween(from, to); i++) {
    const night = addDays(from, i)
    if (run[i]?.date !== night) throw new DomainError('closed', `${dayName(night)}晚上不接待托养，请调整入住日期`)
  }
  const originalFen = run.reduce((sum, s) => sum + (s.price_fen ?? 0), 0)
  const awaitingConfirmation = member.care_level === null
  return {
    details: { stay: { from, to, nights: run.length } },
    quote: {
      originalFen,
      deliveryFeeFen: 0,
      subsidyFen: 0,
      payableFen: originalFen,
      tier: null,
      notes: awaitingConfirmation ? ['老人还没有能力评估记录：床位已为您保留，工作人员评估确认后生效'] : [],
    },
    takes: run.map((s) => ({ sessionId: s.id, units: 1, classCode: null })),
    awaitingConfirmation,
  }
}
