import {
  districtListSchema,
  facilityDetailSchema,
  facilityIdParamsSchema,
  facilityListQuerySchema,
  facilityListSchema,
} from '@shared/facility'
import { FUNCTIONS, functionListSchema } from '@shared/functions'
import type { AppInstance } from '../app-instance'
import { listDistricts } from './facility.repository'
import { getFacility, listFacilities } from './facility.service'

export async function facilityRoutes(app: AppInstance): Promise<void> {
  const open = { access: 'public' } as const

  app.get('/functions', { config: open, schema: { response: { 200: functionListSchema } } }, async () => ({
    functions: [...FUNCTIONS],
  }))

  // The districts the service covers: a family member's home district decides the meal subsidy.
  app.get('/districts', { config: open, schema: { response: { 200: districtListSchema } } }, async () => ({
    districts: await listDistricts(app.db.kysely),
  }))

  app.get(
    '/facilities',
    { config: open, schema: { querystring: facilityListQuerySchema, response: { 200: facilityListSchema } } },
    async (request) => ({ facilities: await listFacilities(app.db.kysely, request.query, app.now()) }),
  )

  app.get(
    '/facilities/:id',
    { config: open, schema: { params: facilityIdParamsSchema, response: { 200: facilityDetailSchema } } },
    async (request) => getFacility(app.db.kysely, request.params.id, app.now()),
  )
}
