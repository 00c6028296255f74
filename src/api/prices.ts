import { type AdminPriceChangeList, adminPriceChangeListSchema } from '@shared/prices'
import { apiRequest } from './client'
import { withSession } from './session'

/** Every price change at the facilities the clerk governs, newest first. */
export const fetchPriceChanges = (): Promise<AdminPriceChangeList['changes']> =>
  withSession(async (token) => (await apiRequest(adminPriceChangeListSchema, '/admin/price-changes', { token })).changes)
