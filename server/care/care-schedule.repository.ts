import type { CareScheduleBody, CareScheduleCode, CareScheduleDay } from '@shared/schedule'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface StoredSchedule extends CareScheduleBody {
  facilityId: string
  code: CareScheduleCode
}

/** The facility's schedules (or every facility's), with their days in weekday order. */
export async function findSchedules(db: Kysely<Database>, facilityId?: string): Promise<StoredSchedule[]> {
  let heads = db.selectFrom('care_schedules').selectAll()
  let days = db.selectFrom('care_schedule_days').selectAll()
  if (facilityId) {
    heads = heads.where('facility_id', '=', facilityId)
    days = days.where('facility_id', '=', facilityId)
  }
  const [headRows, dayRows] = await Promise.all([heads.orderBy('facility_id').orderBy('schedule').execute(), days.orderBy('weekday').execute()])
  return headRows.map((h) => ({
    facilityId: h.facility_id,
    code: h.schedule as CareScheduleCode,
    weeksAhead: h.weeks_ahead,
    days: dayRows
      .filter((d) => d.facility_id === h.facility_id && d.schedule === h.schedule)
      .map((d): CareScheduleDay => ({
        weekday: d.weekday,
        starts: d.starts,
        ends: d.ends,
        capacity: d.capacity,
        priceFen: d.price_fen,
        ...(d.classes ? { classes: JSON.parse(d.classes) } : {}),
      })),
  }))
}

/** Replaces a schedule's week as a whole (in the caller's transaction). */
export async function replaceSchedule(db: Kysely<Database>, schedule: StoredSchedule): Promise<void> {
  const key = { facility_id: schedule.facilityId, schedule: schedule.code }
  await db
    .insertInto('care_schedules')
    .values({ ...key, weeks_ahead: schedule.weeksAhead })
    .onConflict((oc) => oc.columns(['facility_id', 'schedule']).doUpdateSet({ weeks_ahead: schedule.weeksAhead }))
    .execute()
  await db.deleteFrom('care_schedule_days').where('facility_id', '=', key.facility_id).where('schedule', '=', key.schedule).execute()
  if (schedule.days.length === 0) return
  await db
    .insertInto('care_schedule_days')
    .values(
      schedule.days.map((d) => ({
        ...key,
        weekday: d.weekday,
        starts: d.starts,
        ends: d.ends,
        capacity: d.capacity,
        price_fen: d.priceFen,
        classes: d.classes ? JSON.stringify(d.classes) : null,
      })),
    )
    .execute()
}

/** The district a facility belongs to: its school breaks decide the 托管 days. */
export async function districtOfFacility(db: Kysely<Database>, facilityId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('facilities')
    .innerJoin('communities', 'communities.id', 'facilities.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .select('streets.district_id')
    .where('facilities.id', '=', facilityId)
    .executeTakeFirst()
  return row?.district_id
}
