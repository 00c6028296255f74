import type { FunctionCode } from '@shared/functions'
import { planInfantCare } from '../care/infant-care'
import { planMealOrder } from '../meals/meal-order'
import type { Planner } from './booking-plan'

/** The services that can be booked online, each with what it adds to the engine. */
export const PLANNERS: Partial<Record<FunctionCode, Planner>> = {
  meal: planMealOrder,
  infant_care: planInfantCare,
}
