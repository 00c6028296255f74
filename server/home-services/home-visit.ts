import { HOME_VISIT_MINUTES, type HomeServiceKind } from '@shared/home-service'
import type { BookingPlan, PlanContext } from '../bookings/booking-plan'
import { NotBookableError } from '../bookings/booking.errors'
import { toShanghaiIso } from '../time/shanghai'
import { findVisitToBook, linkVisitBooking } from './home-service.repository'

const clock = (instant: Date | string) => toShanghaiIso(instant).slice(11, 16)

/**
 * 家政便民 in the booking engine: a visit is a place of the facility's day of home visits (one session per facility
 * and day, `home_visit`, whose places are added as requests are accepted), booked for the requester at the time and
 * price the operator stated when accepting. Nobody books such a session by itself: only a requester whose accepted
 * request names that day.
 */
export async function planHomeVisit(context: PlanContext): Promise<BookingPlan> {
  const { db, session, booker, request: booking } = context
  const request = await findVisitToBook(db, session.id, booker.id)
  if (!request || request.price_fen === null || !request.visit_at || booking.quantity !== 1 || booking.throughDate) throw new NotBookableError()
  const priceFen = request.price_fen
  return {
    details: {
      home: {
        requestId: request.id,
        service: request.service as HomeServiceKind,
        address: request.address,
        from: clock(request.visit_at),
        to: clock(new Date(Date.parse(request.visit_at) + HOME_VISIT_MINUTES * 60_000)),
      },
    },
    quote: { originalFen: priceFen, deliveryFeeFen: 0, subsidyFen: 0, payableFen: priceFen, tier: null, notes: [], payAt: 'home' },
    takes: [{ sessionId: session.id, units: 1, classCode: null }],
    // The request names its booking in the booking's own transaction: between the two, the day's places would count
    // the visit twice (booked, and accepted without a booking), and a crash would leave a booked visit unnamed.
    record: (trx, bookingId) => linkVisitBooking(trx, request.id, bookingId),
  }
}
