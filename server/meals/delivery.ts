import { DomainError } from '../http/errors'
import { ageOn } from '../time/shanghai'
import { distanceMetres, type Position } from '../facilities/distance'

export interface DeliveryPolicy {
  feeFen: number
  radiusM: number
  /** From this age on the service day, a member may have meals delivered; a recorded mobility need also counts. */
  minAge: number
}

export interface DeliveryRecipient {
  birthDate: string | null
  mobilityNeed: boolean
}

/** 送餐上门 is for those who cannot come: old enough on the service day, or with a recorded mobility need. */
export function assertDeliveryAllowed(
  policy: DeliveryPolicy,
  recipient: DeliveryRecipient | null,
  serviceDate: string,
  facility: Position,
  destination: Position,
): void {
  const oldEnough = recipient?.birthDate ? ageOn(recipient.birthDate, serviceDate) >= policy.minAge : false
  if (!recipient?.mobilityNeed && !oldEnough) {
    throw new DomainError(
      'delivery_not_eligible',
      `送餐上门仅限 ${policy.minAge} 周岁及以上或行动不便的老人，请选择堂食或自取`,
    )
  }
  const distance = distanceMetres(facility, destination)
  if (distance > policy.radiusM) {
    const km = (policy.radiusM / 1000).toFixed(1)
    throw new DomainError('outside_delivery_area', `送餐地址超出本设施 ${km} 公里的送餐范围，请选择自取`)
  }
}
