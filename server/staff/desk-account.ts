import type { UserRow } from '../db/schema'

/**
 * A facility's walk-in desk is an account nobody signs in with (`desk:<facility>`; WeChat and development openids
 * never contain a colon). Its members are the residents without a smartphone whom staff book for.
 */
export const deskOpenid = (facilityId: string) => `desk:${facilityId}`

export const isDeskAccount = (user: Pick<UserRow, 'openid'>) => user.openid.startsWith('desk:')
