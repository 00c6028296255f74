import {
  adminFacilityListSchema,
  adminFacilityParamsSchema,
  adminFacilitySchema,
  adminOperatorListSchema,
  adminOperatorSchema,
  auditListSchema,
  facilityCreateSchema,
  facilityEditSchema,
  importResultSchema,
  operatorCreateSchema,
  operatorEditSchema,
  staffBindingSchema,
  staffListSchema,
} from '@shared/admin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { InvalidInputError } from '../http/errors'
import type { AppInstance } from '../app-instance'
import { callerOf, governedOf } from '../http/access-hook'
import { listAudit } from './audit'
import { importCalendar } from './calendar-import.service'
import { calendarSheet } from './calendar-sheet'
import { importSchoolBreaks, schoolBreakSheet } from './school-break-sheet'
import { findSchoolBreaks } from '../calendar/school-days'
import { importFacilities } from './facility-import.service'
import { facilitySheet } from './facility-sheet'
import type { Actor } from './facility-admin.service'
import { createFacility, editFacility, listAdminFacilities, setFacilityRetired } from './facility-admin.service'
import { findAdminFacilities, findOperators } from './facility-admin.repository'
import { createOperator, editOperator } from './operator-admin.service'
import { readCalendar, rulesView, setBookingRule, setCalendarYear, setEvaluationRules, setNoShowRule, setRatingRules, setSchoolBreaks, setSubsidyTiers } from './rules.service'
import {
  bookingRuleParamsSchema,
  bookingRuleSchema,
  calendarImportResultSchema,
  evaluationRulesSchema,
  calendarYearParamsSchema,
  calendarYearSchema,
  districtRulesSchema,
  districtRulesViewSchema,
  noShowParamsSchema,
  noShowRuleSchema,
  ratingRulesSchema,
  schoolBreaksSchema,
  schoolBreakImportResultSchema,
  subsidyTiersSchema,
} from '@shared/rules'
import { grantBinding, listStaff, revokeBinding } from './staff-admin.service'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const actorOf = (request: FastifyRequest): Actor => ({ userId: callerOf(request).user.id, scope: governedOf(request) })

/** The district's administration: facilities (district staff, or a street office for its own), operators (district). */
export async function adminRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const government = { access: 'government' } as const
  const district = { access: 'district' } as const

  app.get('/admin/facilities', { config: government, schema: { response: { 200: adminFacilityListSchema } } }, async (request) =>
    listAdminFacilities(db, governedOf(request)),
  )
  app.post(
    '/admin/facilities',
    { config: government, schema: { body: facilityCreateSchema, response: { 201: adminFacilitySchema } } },
    async (request, reply) => reply.code(201).send(await createFacility(db, actorOf(request), request.body, app.now())),
  )
  app.patch(
    '/admin/facilities/:id',
    { config: government, schema: { params: adminFacilityParamsSchema, body: facilityEditSchema, response: { 200: adminFacilitySchema } } },
    async (request) => editFacility(db, actorOf(request), request.params.id, request.body, app.now()),
  )
  app.post(
    '/admin/facilities/:id/retire',
    { config: government, schema: { params: adminFacilityParamsSchema, response: { 200: adminFacilitySchema } } },
    async (request) => setFacilityRetired(db, actorOf(request), request.params.id, true, app.now()),
  )
  app.post(
    '/admin/facilities/:id/reopen',
    { config: government, schema: { params: adminFacilityParamsSchema, response: { 200: adminFacilitySchema } } },
    async (request) => setFacilityRetired(db, actorOf(request), request.params.id, false, app.now()),
  )

  // The facility list as a spreadsheet (附件3's columns), the empty template, and its import.
  const sendSheet = (reply: FastifyReply, name: string, file: Buffer) =>
    reply
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .type(XLSX)
      .send(file)
  app.get('/admin/facilities/export', { config: government }, async (request, reply) =>
    sendSheet(reply, '设施清单.xlsx', await facilitySheet((await listAdminFacilities(db, governedOf(request))).facilities)),
  )
  app.get('/admin/facilities/template', { config: government }, async (_request, reply) =>
    sendSheet(reply, '设施清单模板.xlsx', await facilitySheet([])),
  )
  // Holidays and 调休 days (calendar_days) the same way: the district's to keep.
  app.get('/admin/calendar/export', { config: district }, async (_request, reply) =>
    sendSheet(reply, '节假日与调休.xlsx', await calendarSheet(await readCalendar(db))),
  )
  // School breaks too: the 校历 is the whole list.
  app.get('/admin/school-breaks/export', { config: district }, async (request, reply) =>
    sendSheet(reply, '学校假期.xlsx', await schoolBreakSheet(await findSchoolBreaks(db, governedOf(request).districtId))),
  )
  app.get('/admin/school-breaks/template', { config: district }, async (_request, reply) => sendSheet(reply, '学校假期模板.xlsx', await schoolBreakSheet([])))
  app.get('/admin/calendar/template', { config: district }, async (_request, reply) => sendSheet(reply, '节假日与调休模板.xlsx', await calendarSheet([])))
  await app.register(async (sheets) => {
    // The upload is the file itself, not JSON: read as bytes, up to 5 MB (thousands of rows).
    sheets.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body))
    const fileOf = (request: FastifyRequest): Buffer => {
      if (!Buffer.isBuffer(request.body)) throw new InvalidInputError('file', `请上传 Excel 表格（${XLSX}）`)
      return request.body
    }
    sheets.post('/admin/facilities/import', { config: government, schema: { response: { 200: importResultSchema } } }, async (request) =>
      importFacilities(db, actorOf(request), fileOf(request), app.now()),
    )
    sheets.post('/admin/school-breaks/import', { config: district, schema: { response: { 200: schoolBreakImportResultSchema } } }, async (request) =>
      importSchoolBreaks(db, actorOf(request), fileOf(request), app.now()),
    )
    sheets.post('/admin/calendar/import', { config: district, schema: { response: { 200: calendarImportResultSchema } } }, async (request) =>
      importCalendar(db, actorOf(request), fileOf(request), app.now()),
    )
  })

  app.get('/admin/operators', { config: government, schema: { response: { 200: adminOperatorListSchema } } }, async (request) => ({
    operators: await findOperators(db),
    canEdit: callerOf(request).canPublish === true,
  }))
  app.post(
    '/admin/operators',
    { config: district, schema: { body: operatorCreateSchema, response: { 201: adminOperatorSchema } } },
    async (request, reply) => reply.code(201).send(await createOperator(db, actorOf(request), request.body, app.now())),
  )
  app.patch(
    '/admin/operators/:id',
    { config: district, schema: { params: adminFacilityParamsSchema, body: operatorEditSchema, response: { 200: adminOperatorSchema } } },
    async (request) => editOperator(db, actorOf(request), request.params.id, request.body, app.now()),
  )

  // 工作人员授权: district staff only; the CLI stays for the first district account.
  app.get('/admin/staff', { config: district, schema: { response: { 200: staffListSchema } } }, async (request) =>
    listStaff(db, governedOf(request).districtId),
  )
  app.post('/admin/staff', { config: district, schema: { body: staffBindingSchema, response: { 200: staffListSchema } } }, async (request) =>
    grantBinding(db, actorOf(request), request.body, app.now()),
  )
  app.post('/admin/staff/revoke', { config: district, schema: { body: staffBindingSchema, response: { 200: staffListSchema } } }, async (request) =>
    revokeBinding(db, actorOf(request), request.body, app.now()),
  )

  // The district's rules as data (district staff): read by every government clerk, changed by the district.
  app.get('/admin/rules', { config: government, schema: { response: { 200: districtRulesViewSchema } } }, async (request) =>
    rulesView(db, governedOf(request), callerOf(request).canPublish === true),
  )
  app.put('/admin/rules/rating', { config: district, schema: { body: ratingRulesSchema, response: { 200: districtRulesSchema } } }, async (request) =>
    setRatingRules(db, actorOf(request), request.body, app.now()),
  )
  app.put(
    '/admin/rules/no-show/:function',
    { config: district, schema: { params: noShowParamsSchema, body: noShowRuleSchema, response: { 200: districtRulesSchema } } },
    async (request) => setNoShowRule(db, actorOf(request), request.params.function, request.body, app.now()),
  )
  app.put('/admin/rules/subsidy-tiers', { config: district, schema: { body: subsidyTiersSchema, response: { 200: districtRulesSchema } } }, async (request) =>
    setSubsidyTiers(db, actorOf(request), request.body.tiers, app.now()),
  )
  app.put(
    '/admin/rules/calendar/:year',
    { config: district, schema: { params: calendarYearParamsSchema, body: calendarYearSchema, response: { 200: districtRulesSchema } } },
    async (request) => setCalendarYear(db, actorOf(request), request.params.year, request.body.days, app.now()),
  )

  app.put('/admin/rules/school-breaks', { config: district, schema: { body: schoolBreaksSchema, response: { 200: districtRulesSchema } } }, async (request) =>
    setSchoolBreaks(db, actorOf(request), request.body.breaks, app.now()),
  )

  app.put('/admin/rules/evaluation', { config: district, schema: { body: evaluationRulesSchema, response: { 200: districtRulesSchema } } }, async (request) =>
    setEvaluationRules(db, actorOf(request), request.body, app.now()),
  )
  // A street office sets the booking rules of its own facilities; the district of any.
  app.put(
    '/admin/rules/booking/:facilityId/:function',
    { config: government, schema: { params: bookingRuleParamsSchema, body: bookingRuleSchema, response: { 200: districtRulesSchema } } },
    async (request) => setBookingRule(db, actorOf(request), request.params.facilityId, request.params.function, request.body, app.now()),
  )

  // A street office reads what was changed on its own facilities; the district reads everything.
  app.get('/admin/audit', { config: government, schema: { response: { 200: auditListSchema } } }, async (request) => {
    const scope = governedOf(request)
    const own = scope.streetIds ? (await findAdminFacilities(db, scope)).map((f) => f.id) : undefined
    return { entries: await listAudit(db, scope.districtId, own) }
  })
}
