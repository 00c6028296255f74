import type { Quote } from '@shared/booking'
import type { TierChoice } from './subsidy'

export interface MealQuoteInput {
  unitPriceFen: number
  quantity: number
  /** 0 unless the order is delivered. */
  deliveryFeeFen: number
  /** Delivered to the door: paid to whoever brings it, not at the counter. */
  delivered: boolean
  choice: TierChoice
  /** The person already has a subsidised meal that day. */
  subsidyUsedThatDay: boolean
}

/**
 * 原价 / 补贴 / 个人支付. One subsidised meal per person per day: the subsidy covers one portion, never more
 * than its price, and nothing when another order already took it. Delivery is never subsidised.
 */
export function quoteMeal({ unitPriceFen, quantity, deliveryFeeFen, delivered, choice, subsidyUsedThatDay }: MealQuoteInput): Quote {
  const originalFen = unitPriceFen * quantity + deliveryFeeFen
  const notes = [...choice.notes]
  let subsidyFen = 0
  if (choice.tier && subsidyUsedThatDay) {
    notes.push('当天的补贴已用于另一份订单（每人每天限一份补贴餐）')
  } else if (choice.tier) {
    subsidyFen = Math.min(choice.tier.amountFen, unitPriceFen)
    if (quantity > 1) notes.push('每人每天限一份补贴餐，补贴只抵扣其中一份')
  }
  return {
    originalFen,
    deliveryFeeFen,
    subsidyFen,
    payableFen: originalFen - subsidyFen,
    tier: subsidyFen > 0 ? choice.tier!.name : null,
    notes,
    ...(delivered ? { payAt: 'delivery' as const } : {}),
  }
}
