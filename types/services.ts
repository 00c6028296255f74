import { z } from 'zod'
import { BOOKABLE_SERVICES, type BookableService } from './bookable-services'

// The list lives in bookable-services.ts, free of zod, for the WeChat main package's tab pages.
export { BOOKABLE_SERVICES, type BookableService, serviceOfSession } from './bookable-services'

export const bookableServiceCodeSchema = z.enum(BOOKABLE_SERVICES.map((s) => s.code) as [BookableService['code'], ...BookableService['code'][]])
export type BookableServiceCode = z.infer<typeof bookableServiceCodeSchema>
