import { facilityIdParamsSchema } from '@shared/facility'
import { adminPriceChangeListSchema, facilityPricesSchema } from '@shared/prices'
import type { AppInstance } from '../app-instance'
import { findAdminFacilities } from '../admin/facility-admin.repository'
import { governedOf } from '../http/access-hook'
import { NotFoundError } from '../http/errors'
import { facilityPrices, listPriceChanges } from './price-changes'

/** 价格公示 for everyone; every price change for the street office (its facilities) and the district (all). */
export async function priceRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely

  app.get(
    '/facilities/:id/prices',
    { config: { access: 'public' }, schema: { params: facilityIdParamsSchema, response: { 200: facilityPricesSchema } } },
    async (request) => {
      const facility = await db.selectFrom('facilities').select('id').where('id', '=', request.params.id).executeTakeFirst()
      if (!facility) throw new NotFoundError('没有找到这个设施')
      return facilityPrices(db, facility.id)
    },
  )

  app.get(
    '/admin/price-changes',
    { config: { access: 'government' }, schema: { response: { 200: adminPriceChangeListSchema } } },
    async (request) => {
      const own = await findAdminFacilities(db, governedOf(request))
      return listPriceChanges(db, own.map((f) => f.id))
    },
  )
}
