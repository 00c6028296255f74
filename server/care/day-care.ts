import { serviceEligibility } from '@shared/eligibility'
import type { BookingRequest } from '@shared/booking'
import { formatFen } from '@shared/money'
import type { BookingPlan, PlanContext } from '../bookings/booking-plan'
import { DomainError, InvalidInputError } from '../http/errors'


/**
 * 日间照料: a day place (08:30–17:00) for an elderly member, a day or a run of days, all or nothing, at the day's
 * price. Lunch that day can be added: it is a community-meal order placed through the meal engine in the same
 * transaction (its own booking and code, its subsidy as any lunch), so it is refused or taken with the day.
 */
export async function planDayCare(context: PlanContext): Promise<BookingPlan> {
  const { db, run, member, request, facility, session } = context
  if (!member) throw new InvalidInputError('memberId', '请选择老人')
  const eligibility = serviceEligibility('day_care', { name: member.name, birthDate: member.birth_date }, run[0].date)
  if (!eligibility.eligible) throw new InvalidInputError('memberId', eligibility.reason)
  if (request.quantity !== 1) throw new InvalidInputError('quantity', '每位老人每天一个名额')
  const originalFen = run.reduce((sum, s) => sum + (s.price_fen ?? 0), 0)
  const plan: BookingPlan = {
    details: {},
    quote: { originalFen, deliveryFeeFen: 0, subsidyFen: 0, payableFen: originalFen, tier: null, notes: [] },
    takes: run.map((s) => ({ sessionId: s.id, units: 1, classCode: null })),
  }
  if (!request.lunch) return plan
  if (run.length > 1) throw new InvalidInputError('lunch', '加订午餐请按天预约日间照料')

  const lunchSession = await db
    .selectFrom('sessions')
    .select('id')
    .where('facility_id', '=', facility.id)
    .where('function_code', '=', 'meal')
    .where('date', '=', session.date)
    .where('part', '=', 'lunch')
    .executeTakeFirst()
  if (!lunchSession) throw new DomainError('not_bookable', '本设施当天没有午餐供应，请不选午餐')
  const lunchRequest: BookingRequest = {
    sessionId: lunchSession.id,
    memberId: member.id,
    quantity: 1,
    meal: { setId: request.lunch.setId, fulfilment: 'dine_in' },
  }
  // The meal engine's own checks and price (cut-off, menu, subsidy); a refusal names the lunch.
  const lunch = await context.alongside(lunchRequest).catch((err: unknown) => {
    if (err instanceof InvalidInputError) throw new InvalidInputError('lunch', err.reason)
    throw err
  })
  const meal = lunch.plan.details.meal
  const lunchQuote = lunch.plan.quote
  const lunchNote = `另订午餐「${meal?.setName ?? ''}」，在设施用餐，个人支付 ${formatFen(lunchQuote.payableFen)}（单独一张助餐预约，可单独取消）`
  return {
    ...plan,
    quote: { ...plan.quote, notes: [lunchNote] },
    // The resident pays for both at the counter: the price shown before confirming is the day and the lunch.
    total: {
      originalFen: plan.quote.originalFen + lunchQuote.originalFen,
      deliveryFeeFen: 0,
      subsidyFen: lunchQuote.subsidyFen,
      payableFen: plan.quote.payableFen + lunchQuote.payableFen,
      tier: lunchQuote.tier,
      notes: [`日间照料 ${formatFen(plan.quote.payableFen)}`, lunchNote, ...lunchQuote.notes],
    },
    record: async (trx, bookingId) => {
      await lunch.book(trx, `lunch-${bookingId}`)
    },
  }
}
