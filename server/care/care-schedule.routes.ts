import { staffFacilityParamsSchema } from '@shared/staff'
import { careScheduleBodySchema, careScheduleParamsSchema, careSchedulesSchema, infantRatesSchema } from '@shared/schedule'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import { readCareSchedules, saveCareSchedule } from './care-schedule'
import { readInfantRates, saveInfantRates } from './infant-rates'

/** The care services' weekly schedules: read by the facility's overseers, saved (and published) by its operator. */
export async function careScheduleRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely

  app.get(
    '/staff/facilities/:facilityId/care-schedules',
    { config: { access: { oversee: 'facilityId' } }, schema: { params: staffFacilityParamsSchema, response: { 200: careSchedulesSchema } } },
    async (request) => readCareSchedules(db, request.params.facilityId),
  )

  app.put(
    '/staff/facilities/:facilityId/care-schedules/:schedule',
    {
      config: { access: { operate: 'facilityId' } },
      schema: { params: careScheduleParamsSchema, body: careScheduleBodySchema, response: { 200: careSchedulesSchema } },
    },
    async (request) => {
      const { facilityId, schedule } = request.params
      await saveCareSchedule(db, { facilityId, code: schedule, ...request.body }, app.now(), callerOf(request).user.id)
      return readCareSchedules(db, facilityId)
    },
  )

  // 半日托, 计时托 and 临时托 rates: priced from them at once.
  app.get(
    '/staff/facilities/:facilityId/infant-rates',
    { config: { access: { oversee: 'facilityId' } }, schema: { params: staffFacilityParamsSchema, response: { 200: infantRatesSchema } } },
    async (request) => readInfantRates(db, request.params.facilityId),
  )

  app.put(
    '/staff/facilities/:facilityId/infant-rates',
    {
      config: { access: { operate: 'facilityId' } },
      schema: { params: staffFacilityParamsSchema, body: infantRatesSchema, response: { 200: infantRatesSchema } },
    },
    async (request) => saveInfantRates(db, request.params.facilityId, request.body, callerOf(request).user.id, app.now()),
  )
}
