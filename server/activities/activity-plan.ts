import { activityEligibility } from '@shared/eligibility'
import type { BookingPlan, PlanContext } from '../bookings/booking-plan'
import { NotBookableError, SessionClosedError } from '../bookings/booking.errors'
import { InvalidInputError } from '../http/errors'
import { findActivityOfSession } from './activity.repository'

/**
 * Signing up for one day of an activity: one place for one person whose age the activity takes, at the day's price
 * (free when none). Everything else — places, the cut-off, one person one place, the waitlist — is the engine's.
 */
export async function planActivity(context: PlanContext): Promise<BookingPlan> {
  const { db, session, member, request } = context
  if (request.throughDate) throw new InvalidInputError('throughDate', '活动请按场次报名，每场单独报名')
  if (request.quantity !== 1) throw new InvalidInputError('quantity', '每人报名一个名额；家人请分别报名')
  const activity = await findActivityOfSession(db, session.id)
  if (!activity) throw new NotBookableError()
  if (activity.withdrawn_at) throw new SessionClosedError()
  const person = member ? { name: member.name, birthDate: member.birth_date } : { name: '您', birthDate: null }
  const eligibility = activityEligibility({ minAge: activity.min_age, maxAge: activity.max_age }, person, session.date)
  if (!eligibility.eligible) throw new InvalidInputError('memberId', eligibility.reason)
  const priceFen = session.price_fen ?? 0
  return {
    details: { activity: { id: activity.id, title: activity.title } },
    quote: { originalFen: priceFen, deliveryFeeFen: 0, subsidyFen: 0, payableFen: priceFen, tier: null, notes: priceFen === 0 ? ['免费活动'] : [] },
    takes: [{ sessionId: session.id, units: 1, classCode: null }],
  }
}
