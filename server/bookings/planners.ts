import type { FunctionCode } from '@shared/functions'
import { planActivity } from '../activities/activity-plan'
import type { SessionRow } from '../db/schema'
import { planAfterSchool } from '../care/after-school'
import { planDayCare } from '../care/day-care'
import { planInfantCare } from '../care/infant-care'
import { planRespiteStay } from '../care/respite'
import { planHomeVisit } from '../home-services/home-visit'
import { planMealOrder } from '../meals/meal-order'
import type { Planner } from './booking-plan'

/** The services that can be booked online, each with what it adds to the engine. */
export const PLANNERS: Partial<Record<FunctionCode, Planner>> = {
  meal: planMealOrder,
  infant_care: planInfantCare,
  // 养老服务: 短期托养 nights, and 日间照料 day places.
  elderly_care: (context) => (context.session.part === 'night' ? planRespiteStay(context) : planDayCare(context)),
  child_care: planAfterSchool,
  housekeeping: planHomeVisit,
}

/** What plans a booking of this session: an activity's day (whatever its function), or its service's planner. */
export const plannerFor = (session: Pick<SessionRow, 'function_code' | 'part'>): Planner | undefined =>
  session.part === 'activity' ? planActivity : PLANNERS[session.function_code as FunctionCode]
