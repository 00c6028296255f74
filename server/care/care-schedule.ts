import { INFANT_CLASSES } from '@shared/care'
import { type CareScheduleBody, type CareScheduleCode, type CareSchedules, WEEKDAY_NAMES, careScheduleOf } from '@shared/schedule'
import type { Insertable, Kysely } from 'kysely'
import { type SchoolBreak, findSchoolBreaks, isSchoolDay, isSchoolHoliday } from '../calendar/school-days'
import type { Database, SessionTable } from '../db/schema'
import { offersFunction } from '../facilities/facility-functions.repository'
import { InvalidInputError } from '../http/errors'
import { weekdayOf } from '../meals/meal-template'
import { notePriceChanges } from '../prices/price-changes'
import { addDays, shanghaiDate, shanghaiInstant } from '../time/shanghai'
import { firstUnpublishedDay, keepPublishedDay, lastPublishedDay } from '../bookings/session.repository'
import { type StoredSchedule, districtOfFacility, findSchedules, replaceSchedule } from './care-schedule.repository'

/** The id of a published day: stable, so a day is published once whoever publishes it (start, job, operator). */
export const CARE_SESSION_IDS: Record<CareScheduleCode, (facilityId: string, date: string) => string> = {
  infant_care: (f, d) => `${f}-infant-${d}-full-day`,
  after_school: (f, d) => `${f}-after-school-${d}`,
  holiday_care: (f, d) => `${f}-holiday-care-${d}`,
  day_care: (f, d) => `${f}-day-care-${d}`,
  respite: (f, d) => `${f}-respite-${d}`,
}

/** The facility's schedules for the care functions it offers, with how far each is published. */
export async function readCareSchedules(db: Kysely<Database>, facilityId: string): Promise<CareSchedules> {
  const stored = await findSchedules(db, facilityId)
  return {
    schedules: await Promise.all(
      stored.map(async (s) => {
        const { name, function: fn, part } = careScheduleOf(s.code)
        return { code: s.code, name, weeksAhead: s.weeksAhead, days: s.days, publishedThrough: await lastPublishedDay(db, facilityId, fn, part) }
      }),
    ),
  }
}

/**
 * Saves a service's week and publishes the coming weeks from it, in one transaction. Days already published keep
 * their hours, places and price (their bookings were made on them); the new week applies from the first day not yet
 * published, which is the day its prices are recorded as taking effect.
 */
export async function saveCareSchedule(
  db: Kysely<Database>,
  schedule: StoredSchedule,
  now: Date,
  userId: string | null,
): Promise<number> {
  const { function: fn, part } = careScheduleOf(schedule.code)
  if (!(await offersFunction(db, schedule.facilityId, fn))) throw new InvalidInputError('schedule', '这个设施不提供这项服务，请先在设施信息里添加')
  const days = checkedDays(schedule.code, schedule.days)
  const run = async (trx: Kysely<Database>) => {
    const effectiveFrom = await firstUnpublishedDay(trx, schedule.facilityId, fn, part, now)
    await replaceSchedule(trx, { ...schedule, days })
    await notePriceChanges(trx, schedule.facilityId, { effectiveFrom, userId, now })
    return publishCareSchedules(trx, now, { facilityId: schedule.facilityId, codes: [schedule.code] })
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

/** The rules a week must keep beyond its shape: hours the right way round, every 托育 class priced, places summed. */
function checkedDays(code: CareScheduleCode, days: CareScheduleBody['days']): CareScheduleBody['days'] {
  const { overnight } = careScheduleOf(code)
  return days.map((day, i) => {
    const refuse = (field: string, reason: string) => new InvalidInputError(`days.${i}.${field}`, `${WEEKDAY_NAMES[day.weekday]}${reason}`)
    if (overnight ? day.ends >= day.starts : day.ends <= day.starts) {
      throw refuse('ends', overnight ? '的夜间服务结束时间应在次日早上，早于开始时间' : '的结束时间应晚于开始时间')
    }
    if (code !== 'infant_care') {
      if (day.classes) throw refuse('classes', '：只有托育按班级设置名额')
      return day
    }
    const classes = day.classes ?? []
    if (classes.length === 0) throw refuse('classes', '：请为至少一个班级设置名额和价格')
    if (new Set(classes.map((c) => c.classCode)).size !== classes.length) throw refuse('classes', '：同一个班级不能出现两次')
    const order = (c: string) => INFANT_CLASSES.findIndex((k) => k.code === c)
    const sorted = [...classes].sort((a, b) => order(a.classCode) - order(b.classCode))
    return { ...day, classes: sorted, capacity: sorted.reduce((sum, c) => sum + c.capacity, 0), priceFen: Math.min(...sorted.map((c) => c.priceFen)) }
  })
}

/**
 * Publishes the coming weeks of schedules (all, or a facility's): a day on the schedule becomes a session unless it
 * is there already — a published day is never rewritten. 放学后托管 runs on school days only, 假期托管 in the school
 * breaks only; a facility retired or no longer offering the function publishes nothing. Returns the days created.
 */
export async function publishCareSchedules(
  db: Kysely<Database>,
  now: Date,
  only: { facilityId?: string; codes?: readonly CareScheduleCode[] } = {},
): Promise<number> {
  const schedules = (await findSchedules(db, only.facilityId)).filter((s) => !only.codes || only.codes.includes(s.code))
  const live = new Set(
    (
      await db
        .selectFrom('facility_functions')
        .innerJoin('facilities', 'facilities.id', 'facility_functions.facility_id')
        .select(['facility_functions.facility_id', 'facility_functions.function_code'])
        .where('facilities.retired_at', 'is', null)
        .execute()
    ).map((r) => `${r.facility_id}|${r.function_code}`),
  )
  const breaksOf = new Map<string, SchoolBreak[]>()
  let created = 0
  for (const schedule of schedules) {
    const kind = careScheduleOf(schedule.code)
    if (!live.has(`${schedule.facilityId}|${kind.function}`)) continue
    const district = (await districtOfFacility(db, schedule.facilityId)) ?? ''
    if (!breaksOf.has(district)) breaksOf.set(district, await findSchoolBreaks(db, district))
    created += await publishDays(db, schedule, shanghaiDate(now), breaksOf.get(district) ?? [])
  }
  return created
}

async function publishDays(db: Kysely<Database>, schedule: StoredSchedule, today: string, breaks: SchoolBreak[]): Promise<number> {
  const kind = careScheduleOf(schedule.code)
  const applies = (date: string) =>
    kind.days === 'school_days' ? isSchoolDay(date, breaks) : kind.days === 'school_breaks' ? isSchoolHoliday(date, breaks) : true
  const rows: (Insertable<SessionTable> & { classes?: CareScheduleBody['days'][number]['classes'] })[] = []
  for (let offset = 0; offset < schedule.weeksAhead * 7; offset++) {
    const date = addDays(today, offset)
    const day = schedule.days.find((d) => d.weekday === weekdayOf(date))
    if (!day || !applies(date)) continue
    rows.push({
      id: CARE_SESSION_IDS[schedule.code](schedule.facilityId, date),
      facility_id: schedule.facilityId,
      function_code: kind.function,
      date,
      part: kind.part,
      starts_at: shanghaiInstant(date, day.starts).toISOString(),
      ends_at: shanghaiInstant(kind.overnight ? addDays(date, 1) : date, day.ends).toISOString(),
      capacity: day.capacity,
      // 托育 is priced per class (session_classes); the session itself carries no price.
      price_fen: day.classes ? null : day.priceFen,
      classes: day.classes,
    })
  }
  const plain = rows.filter((r) => !r.classes).map(({ classes: _, ...session }) => session)
  let created = 0
  if (plain.length > 0) created += Number((await db.insertInto('sessions').values(plain).onConflict(keepPublishedDay).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n)
  // A 托育 day's classes go with it, only when the day is new.
  for (const { classes, ...session } of rows.filter((r) => r.classes)) {
    const inserted = await db.insertInto('sessions').values(session).onConflict(keepPublishedDay).executeTakeFirst()
    if (inserted.numInsertedOrUpdatedRows !== 1n) continue
    created++
    await db
      .insertInto('session_classes')
      .values((classes ?? []).map((c) => ({ session_id: session.id as string, class_code: c.classCode, capacity: c.capacity, price_fen: c.priceFen })))
      .execute()
  }
  return created
}
