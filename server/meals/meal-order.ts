import type { BookingPlan, PlanContext } from '../bookings/booking-plan'
import { beneficiaryKey } from '../bookings/booking-plan'
import { together } from '../db/together'
import { InvalidInputError, NotFoundError } from '../http/errors'
import type { SubsidyCategory } from '@shared/member'
import { assertDeliveryAllowed } from './delivery'
import { findMealSetWithOptions, findSubsidyTiers, subsidyUsed } from './meal.repository'
import { quoteMeal } from './meal-quote'
import { chooseTier, type Beneficiary } from './subsidy'

/** A community-meal order: the set from this session's menu, how it reaches the resident, and its price. */
export async function planMealOrder(context: PlanContext): Promise<BookingPlan> {
  const { db, session, facility, member, request } = context
  if (!request.meal) throw new InvalidInputError('meal', '请选择套餐和取餐方式')
  if (request.throughDate) throw new InvalidInputError('throughDate', '助餐每次预约一餐')
  const { setId, fulfilment, delivery } = request.meal

  const beneficiary = beneficiaryKey(context)
  // The set, and what the subsidy needs, asked together.
  const [found, tiers, usedThatDay] = await together([
    findMealSetWithOptions(db, session.id, setId, facility.id),
    findSubsidyTiers(db, facility.districtId),
    subsidyUsed(db, beneficiary, session.date),
  ])
  if (!found) throw new InvalidInputError('meal.setId', '这个套餐不在本场菜单上，请刷新菜单')
  const { set, options } = found
  if (!options) throw new NotFoundError('这个设施还没有开通助餐')

  let deliveryFeeFen = 0
  if (fulfilment === 'delivery' && delivery) {
    assertDeliveryAllowed(
      { feeFen: options.deliveryFeeFen, radiusM: options.deliveryRadiusM, minAge: options.deliveryMinAge },
      member && { birthDate: member.birth_date, mobilityNeed: member.mobility_need === 1 },
      session.date,
      facility,
      delivery,
    )
    deliveryFeeFen = options.deliveryFeeFen
  }

  const person: Beneficiary | null = member && {
    birthDate: member.birth_date,
    districtId: member.district_id,
    subsidyCategory: member.subsidy_category as SubsidyCategory | null,
    subsidyVerified: member.subsidy_verified_at !== null,
  }
  const quote = quoteMeal({
    unitPriceFen: set.priceFen,
    quantity: request.quantity,
    deliveryFeeFen,
    delivered: fulfilment === 'delivery',
    choice: chooseTier(tiers, person, session.date, facility.districtId),
    subsidyUsedThatDay: usedThatDay,
  })

  return {
    details: {
      meal: {
        setId: set.id,
        setName: set.name,
        dishes: set.dishes,
        fulfilment,
        delivery: fulfilment === 'delivery' && delivery ? delivery : null,
      },
    },
    quote,
    takes: [{ sessionId: session.id, units: request.quantity, classCode: null }],
    subsidyClaim: quote.subsidyFen > 0 ? { beneficiary, serviceDate: session.date } : undefined,
  }
}
