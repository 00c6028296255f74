import type { BookingPlan, PlanContext } from '../bookings/booking-plan'
import { InvalidInputError } from '../http/errors'
import { serviceEligibility } from '@shared/eligibility'

/**
 * 儿童托管: one place a session (after school on school days, or a holiday session) for a school-age child, with
 * the adults who may collect them (1 to 3) recorded on the booking; a run of days books them all or none.
 */
export async function planAfterSchool(context: PlanContext): Promise<BookingPlan> {
  const { run, member, request } = context
  if (!member?.birth_date) throw new InvalidInputError('memberId', '请选择要托管的孩子')
  // School age (types/eligibility.ts), on every day of the run.
  for (const session of run) {
    const eligibility = serviceEligibility('after_school', { name: member.name, birthDate: member.birth_date }, session.date)
    if (!eligibility.eligible) throw new InvalidInputError('memberId', eligibility.reason)
  }
  if (request.quantity !== 1) throw new InvalidInputError('quantity', '每个孩子每场一个名额')
  if (!request.collectors?.length) throw new InvalidInputError('collectors', '请填写可以接孩子的大人（1 到 3 位）')
  const originalFen = run.reduce((sum, s) => sum + (s.price_fen ?? 0), 0)
  return {
    details: { collectors: request.collectors },
    quote: { originalFen, deliveryFeeFen: 0, subsidyFen: 0, payableFen: originalFen, tier: null, notes: [] },
    takes: run.map((s) => ({ sessionId: s.id, units: 1, classCode: null })),
  }
}
