import type { BookingRule, CalendarDay, DistrictRules, DistrictRulesView, EvaluationRules, NoShowRule, RatingRules, SchoolBreakRule, SubsidyTier } from '@shared/rules'
import { WEIGHTED_METRICS } from '@shared/evaluation'
import { FUNCTION_CODES, type FunctionCode } from '@shared/functions'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { InvalidInputError } from '../http/errors'
import { recordAudit } from './audit'
import type { Actor } from './facility-admin.service'
import { evaluationSettings } from '../evaluation/evaluation.repository'
import { PLANNERS } from '../bookings/planners'
import { HOME_VISIT_FUNCTION } from '../home-services/home-service.repository'
import { DEFAULT_RECTIFICATION_DAYS, DEFAULT_WINDOW_DAYS } from '../ratings/rating.service'
import { type AdminScope, findAdminFacilities } from './facility-admin.repository'
import { findSchoolBreaks } from '../calendar/school-days'

// The district's rules as data: the rating window, no-show suspensions, meal subsidy tiers, holidays and 调休. Each
// change is one transaction with its audit entry; rules are read per request, so a change applies at once. A quote
// already given keeps the subsidy it was given (bookings store their quote).

export async function readRules(db: Kysely<Database>, districtId: string): Promise<DistrictRules> {
  const [rating, noShow, tiers, calendar, settings, booking, schoolBreaks] = await Promise.all([
    db.selectFrom('rating_rules').selectAll().where('district_id', '=', districtId).executeTakeFirst(),
    db.selectFrom('no_show_rules').selectAll().where('district_id', '=', districtId).orderBy('function_code').execute(),
    db.selectFrom('subsidy_tiers').selectAll().where('district_id', '=', districtId).where('function_code', '=', 'meal').orderBy('id').execute(),
    readCalendar(db),
    // The evaluation reads its settings through the same function, defaults included.
    evaluationSettings(db, districtId),
    db
      .selectFrom('booking_rules as r')
      .innerJoin('facilities as f', 'f.id', 'r.facility_id')
      .innerJoin('communities as c', 'c.id', 'f.community_id')
      .innerJoin('streets as s', 's.id', 'c.street_id')
      .selectAll('r')
      .where('s.district_id', '=', districtId)
      // The rule of a facility's activities is kept by the engine under a key of its own (activity-rule.ts).
      .where('r.function_code', 'in', FUNCTION_CODES)
      .orderBy('r.facility_id')
      .orderBy('r.function_code')
      .execute(),
    findSchoolBreaks(db, districtId),
  ])
  return {
    rating: {
      windowDays: rating?.window_days ?? DEFAULT_WINDOW_DAYS,
      rectificationWorkingDays: rating?.rectification_working_days ?? DEFAULT_RECTIFICATION_DAYS,
    },
    noShow: noShow.map((r) => ({ function: r.function_code as FunctionCode, maxNoShows: r.max_no_shows, windowDays: r.window_days, suspendDays: r.suspend_days })),
    subsidyTiers: tiers.map((t) => ({ id: t.id, name: t.name, minAge: t.min_age, maxAge: t.max_age, category: t.category as SubsidyTier['category'], amountFen: t.amount_fen })),
    calendar,
    schoolBreaks,
    evaluation: {
      weights: Object.fromEntries(WEIGHTED_METRICS.map((m) => [m, settings.weights[m] ?? 0])) as EvaluationRules['weights'],
      priorWeight: settings.priorWeight,
      rankMinBookings: settings.rankMinimum.bookings,
      rankMinRatings: settings.rankMinimum.ratings,
      minRatings: settings.minRatings,
      minSatisfaction: settings.minSatisfaction,
      maxOverdue: settings.maxOverdue,
    },
    booking: booking.map((r) => ({
      facilityId: r.facility_id,
      function: r.function_code as FunctionCode,
      horizonDays: r.horizon_days,
      cutoffMinutes: r.cutoff_minutes,
      cancelMinutes: r.cancel_minutes,
      maxUnits: r.max_units,
      maxUnitsPerAccount: r.max_units_per_account,
      reminderMinutes: r.reminder_minutes,
      maxRunDays: r.max_run_days,
    })),
  }
}

/** The rules as a clerk reads them: the district's to change for district staff, a booking rule also for its street office. */
export async function rulesView(db: Kysely<Database>, scope: AdminScope, isDistrictStaff: boolean): Promise<DistrictRulesView> {
  const [rules, own] = await Promise.all([readRules(db, scope.districtId), findAdminFacilities(db, scope)])
  const mine = new Set(own.map((f) => f.id))
  const ruled = new Set(rules.booking.map((r) => `${r.facilityId}|${r.function}`))
  // Only what can be booked online has a rule to set; a retired facility takes no bookings. 家政便民 visits are booked
  // when the operator accepts a request, under a rule the engine writes itself (server/home-services): not a clerk's.
  const clerks = (fn: string) => fn !== HOME_VISIT_FUNCTION
  const bookingUnset = own
    .filter((f) => !f.retiredAt)
    .flatMap((f) => f.functions.filter((fn) => clerks(fn) && PLANNERS[fn] && !ruled.has(`${f.id}|${fn}`)).map((fn) => ({ facilityId: f.id, function: fn })))
  const booking = rules.booking.filter((r) => clerks(r.function)).map((r) => ({ ...r, canEdit: mine.has(r.facilityId) }))
  return { ...rules, canEdit: isDistrictStaff, booking, bookingUnset }
}

const audit = (actor: Actor, entityId: string, before: unknown, after: unknown, now: Date, trx: Kysely<Database>) =>
  recordAudit(
    trx,
    {
      userId: actor.userId,
      districtId: actor.scope.districtId,
      entity: 'rule',
      entityId,
      action: 'edit',
      before: before === null ? null : { value: before },
      after: { value: after },
    },
    now,
  )

export async function setRatingRules(db: Kysely<Database>, actor: Actor, rules: RatingRules, now: Date): Promise<DistrictRules> {
  const districtId = actor.scope.districtId
  const before = (await readRules(db, districtId)).rating
  await db.transaction().execute(async (trx) => {
    const row = { district_id: districtId, window_days: rules.windowDays, rectification_working_days: rules.rectificationWorkingDays }
    await trx.insertInto('rating_rules').values(row).onConflict((oc) => oc.column('district_id').doUpdateSet(row)).execute()
    await audit(actor, 'rating', before, rules, now, trx)
  })
  return readRules(db, districtId)
}

export async function setNoShowRule(db: Kysely<Database>, actor: Actor, fn: FunctionCode, rule: NoShowRule, now: Date): Promise<DistrictRules> {
  const districtId = actor.scope.districtId
  const before = (await readRules(db, districtId)).noShow.find((r) => r.function === fn) ?? null
  await db.transaction().execute(async (trx) => {
    const row = { district_id: districtId, function_code: fn, max_no_shows: rule.maxNoShows, window_days: rule.windowDays, suspend_days: rule.suspendDays }
    await trx.insertInto('no_show_rules').values(row).onConflict((oc) => oc.columns(['district_id', 'function_code']).doUpdateSet(row)).execute()
    await audit(actor, `no-show:${fn}`, before, rule, now, trx)
  })
  return readRules(db, districtId)
}

/** The meal subsidy tiers, replaced as a whole: what the district's notice lists is what applies. */
export async function setSubsidyTiers(db: Kysely<Database>, actor: Actor, tiers: SubsidyTier[], now: Date): Promise<DistrictRules> {
  const districtId = actor.scope.districtId
  const taken = await db.selectFrom('subsidy_tiers').select(['id', 'district_id']).where('district_id', '!=', districtId).execute()
  const clash = tiers.findIndex((t) => taken.some((x) => x.id === t.id))
  if (clash >= 0) throw new InvalidInputError(`tiers.${clash}.id`, '这个编号已被其他区使用')
  const before = (await readRules(db, districtId)).subsidyTiers
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('subsidy_tiers').where('district_id', '=', districtId).where('function_code', '=', 'meal').execute()
    if (tiers.length > 0) {
      await trx
        .insertInto('subsidy_tiers')
        .values(tiers.map((t) => ({ id: t.id, district_id: districtId, function_code: 'meal', name: t.name, min_age: t.minAge, max_age: t.maxAge, category: t.category, amount_fen: t.amountFen })))
        .execute()
    }
    await audit(actor, 'subsidy-tiers:meal', before, tiers, now, trx)
  })
  return readRules(db, districtId)
}

/** One year's holidays and 调休 days, replaced as a whole; every day must be in that year. */
export async function setCalendarYear(db: Kysely<Database>, actor: Actor, year: string, days: CalendarDay[], now: Date): Promise<DistrictRules> {
  const outside = days.findIndex((d) => !d.date.startsWith(`${year}-`))
  if (outside >= 0) throw new InvalidInputError(`days.${outside}.date`, `不在 ${year} 年`)
  await db.transaction().execute(async (trx) => replaceCalendarYear(trx, actor, year, days, now))
  return readRules(db, actor.scope.districtId)
}

/** The holidays and 调休 days as stored, by date: every year, or one. */
export const readCalendar = async (db: Kysely<Database>, year?: string): Promise<CalendarDay[]> =>
  (
    await db
      .selectFrom('calendar_days')
      .selectAll()
      .$if(year !== undefined, (q) => q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`))
      .orderBy('date')
      .execute()
  ).map((d) => ({ date: d.date, kind: d.kind as CalendarDay['kind'], name: d.name }))

/** Puts a year's days in place of what it had, with its audit entry (before → after), in the caller's transaction. */
export async function replaceCalendarYear(trx: Transaction<Database>, actor: Actor, year: string, days: CalendarDay[], now: Date): Promise<void> {
  const before = await readCalendar(trx, year)
  await trx.deleteFrom('calendar_days').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute()
  if (days.length > 0) await trx.insertInto('calendar_days').values(days).execute()
  await audit(actor, `calendar:${year}`, before, days, now, trx)
}

/**
 * The district's school breaks, replaced as a whole. They decide the 托管 days published from now on: a day already
 * published (and booked) stays as it is, and the operator closes or changes it like any other day.
 */
export async function setSchoolBreaks(db: Kysely<Database>, actor: Actor, breaks: SchoolBreakRule[], now: Date): Promise<DistrictRules> {
  const districtId = actor.scope.districtId
  const before = await findSchoolBreaks(db, districtId)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('school_breaks').where('district_id', '=', districtId).execute()
    if (breaks.length > 0) {
      await trx
        .insertInto('school_breaks')
        .values(breaks.map((b) => ({ district_id: districtId, starts_on: b.from, ends_on: b.to, name: b.name })))
        .execute()
    }
    await audit(actor, 'school-breaks', before, breaks, now, trx)
  })
  return readRules(db, districtId)
}

/** The composite's weights and the ranking and qualified thresholds, for the district's next evaluation. */
export async function setEvaluationRules(db: Kysely<Database>, actor: Actor, rules: EvaluationRules, now: Date): Promise<DistrictRules> {
  const districtId = actor.scope.districtId
  const before = (await readRules(db, districtId)).evaluation
  await db.transaction().execute(async (trx) => {
    const row = {
      district_id: districtId,
      prior_weight: rules.priorWeight,
      rank_min_bookings: rules.rankMinBookings,
      rank_min_ratings: rules.rankMinRatings,
      min_ratings: rules.minRatings,
      min_satisfaction: rules.minSatisfaction,
      max_overdue: rules.maxOverdue,
    }
    await trx.insertInto('evaluation_settings').values(row).onConflict((oc) => oc.column('district_id').doUpdateSet(row)).execute()
    for (const metric of WEIGHTED_METRICS) {
      const weight = { district_id: districtId, metric, weight: rules.weights[metric] }
      await trx.insertInto('evaluation_weights').values(weight).onConflict((oc) => oc.columns(['district_id', 'metric']).doUpdateSet(weight)).execute()
    }
    await audit(actor, 'evaluation', before, rules, now, trx)
  })
  return readRules(db, districtId)
}

/** A facility's booking rule for a function; a facility outside the caller's streets is not theirs to change. */
export async function setBookingRule(
  db: Kysely<Database>,
  actor: Actor,
  facilityId: string,
  fn: FunctionCode,
  rule: BookingRule,
  now: Date,
): Promise<DistrictRules> {
  const [facility] = await findAdminFacilities(db, actor.scope, facilityId)
  if (!facility) throw new InvalidInputError('facilityId', '不是您管辖范围内的设施')
  if (!facility.functions.includes(fn)) throw new InvalidInputError('function', '这个设施没有这项服务功能')
  const districtId = actor.scope.districtId
  const before = (await readRules(db, districtId)).booking.find((r) => r.facilityId === facilityId && r.function === fn) ?? null
  await db.transaction().execute(async (trx) => {
    const row = {
      facility_id: facilityId,
      function_code: fn,
      horizon_days: rule.horizonDays,
      cutoff_minutes: rule.cutoffMinutes,
      cancel_minutes: rule.cancelMinutes,
      max_units: rule.maxUnits,
      max_units_per_account: rule.maxUnitsPerAccount,
      reminder_minutes: rule.reminderMinutes,
      max_run_days: rule.maxRunDays,
    }
    await trx.insertInto('booking_rules').values(row).onConflict((oc) => oc.columns(['facility_id', 'function_code']).doUpdateSet(row)).execute()
    await audit(actor, `booking:${facilityId}:${fn}`, before, rule, now, trx)
  })
  return readRules(db, districtId)
}
