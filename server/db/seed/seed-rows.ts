import { type CareScheduleBody, type CareScheduleCode, type CareScheduleDay, careScheduleOf } from '@shared/schedule'
import type { Insertable, Transaction } from 'kysely'
import { saveCareSchedule } from '../../care/care-schedule'
import { keepPublishedDay } from '../../bookings/session.repository'
import { offersFunction } from '../../facilities/facility-functions.repository'
import type { BookingRuleTable, Database, SessionTable } from '../schema'

/**
 * What a start may write. The first start of a database sets the sample district up (`setUp`); every later start
 * only rolls the published days forward, for what the district still offers, and touches nothing anyone edited.
 */
export interface SeedPass {
  now: Date
  setUp: boolean
}

/** Whether the facility still offers the function (the district may have removed it since it was seeded). */
export const offers = (trx: Transaction<Database>, facilityId: string, functionCode: string) => offersFunction(trx, facilityId, functionCode)

/** A facility's booking rule for a service, unless it has one (staff may have changed it since). */
export async function seedRule(
  trx: Transaction<Database>,
  facilityId: string,
  functionCode: string,
  rule: Omit<Insertable<BookingRuleTable>, 'facility_id' | 'function_code'>,
): Promise<void> {
  await trx
    .insertInto('booking_rules')
    .values({ facility_id: facilityId, function_code: functionCode, ...rule })
    .onConflict((oc) => oc.columns(['facility_id', 'function_code']).doNothing())
    .execute()
}

/** Sessions, each unless its slot (facility, service, day, part) already exists with what was booked on it. */
export async function seedSessions(trx: Transaction<Database>, rows: Insertable<SessionTable>[]): Promise<void> {
  if (rows.length === 0) return
  const { facility_id, function_code } = rows[0]
  if (rows.some((r) => r.facility_id !== facility_id || r.function_code !== function_code)) {
    throw new Error('seedSessions takes the days of one facility and function at a time')
  }
  if (!(await offers(trx, facility_id, function_code))) return
  await trx
    .insertInto('sessions')
    .values(rows)
    .onConflict(keepPublishedDay)
    .execute()
}

/**
 * A sample facility's weekly schedule for a service, written through the operators' own code (validated, priced,
 * published), unless it has one: the operator's own week after that. A facility no longer offering it is skipped.
 */
export async function seedSchedule(
  trx: Transaction<Database>,
  facilityId: string,
  code: CareScheduleCode,
  week: CareScheduleBody,
  now: Date,
): Promise<void> {
  if (!(await offers(trx, facilityId, careScheduleOf(code).function))) return
  const existing = await trx
    .selectFrom('care_schedules')
    .select('facility_id')
    .where('facility_id', '=', facilityId)
    .where('schedule', '=', code)
    .executeTakeFirst()
  if (!existing) await saveCareSchedule(trx, { facilityId, code, ...week }, now, null)
}

/** The same week on each of these weekdays (0 = Monday). */
export const sameWeek = (weekdays: number[], day: Omit<CareScheduleDay, 'weekday'>): CareScheduleDay[] =>
  weekdays.map((weekday) => ({ weekday, ...day }))
export const MONDAY_TO_FRIDAY = [0, 1, 2, 3, 4]
export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]
