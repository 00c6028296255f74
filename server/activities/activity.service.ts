import { randomUUID } from 'node:crypto'
import { ACTIVITY_DAYS_AHEAD, type Activity, type ActivityInput, type ActivityList, type StaffActivity } from '@shared/activity'
import { type FunctionCode, functionName } from '@shared/functions'
import type { Kysely, Transaction } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import { findBookingRule } from '../bookings/booking-rule.repository'
import { toSession } from '../bookings/session.service'
import type { ActivityRow, Database, SessionRow, UserRow } from '../db/schema'
import { offersFunction } from '../facilities/facility-functions.repository'
import { findFacilityPlace } from '../facilities/facility.repository'
import { DomainError, InvalidInputError, NotFoundError } from '../http/errors'
import { closeSessions, findToServe } from '../staff/closed-day.repository'
import { addDays, dayName, shanghaiDate, shanghaiInstant } from '../time/shanghai'
import { findActivitiesFrom, findActivity, findRecentTwin, insertActivity, markWithdrawn } from './activity.repository'
import { ACTIVITY_RULE_KEY, ensureActivityRule } from './activity-rule'

/**
 * An operator publishes an activity: each of its days becomes a session of the engine with the places and price
 * given, so residents sign up for it as for any service. The function must be one the facility offers, and every day
 * still to come (today's only if it has not begun) and within ACTIVITY_DAYS_AHEAD days.
 */
export async function publishActivity(
  db: Kysely<Database>,
  /** The operator's user, or null for the sample district. */
  publisher: UserRow | null,
  facilityId: string,
  input: ActivityInput,
  now: Date,
): Promise<{ activity: StaffActivity; created: boolean }> {
  if (!(await offersFunction(db, facilityId, input.function))) {
    throw new InvalidInputError('function', `本设施没有开设${functionName(input.function)}，请先在设施管理中添加`)
  }
  const today = shanghaiDate(now)
  const last = addDays(today, ACTIVITY_DAYS_AHEAD)
  for (const date of input.dates) {
    if (date < today) throw new InvalidInputError('dates', `${dayName(date)}已经过去`)
    if (date > last) throw new InvalidInputError('dates', `活动最多提前 ${ACTIVITY_DAYS_AHEAD} 天发布，${dayName(date)}太远了`)
    if (shanghaiInstant(date, input.starts) <= now) throw new InvalidInputError('starts', `${dayName(date)} ${input.starts} 已经过了，请改时间或日期`)
  }
  const id = `act-${randomUUID()}`
  const sessions = [...input.dates].sort().map((date) => ({
    id: `s-${randomUUID()}`,
    facility_id: facilityId,
    function_code: input.function,
    date,
    part: 'activity',
    starts_at: shanghaiInstant(date, input.starts).toISOString(),
    ends_at: shanghaiInstant(date, input.ends).toISOString(),
    capacity: input.places,
    price_fen: input.priceFen,
    activity_id: id,
  }))
  // 发布 tapped again after its answer was lost: the activity published a moment ago is the answer, not a second one.
  const twin = await findRecentTwin(db, facilityId, { ...input, createdBy: publisher?.id ?? null, since: new Date(now.getTime() - TWIN_WINDOW_MS) }, sessions)
  if (twin) return { activity: (await staffActivities(db, facilityId, now, twin))[0], created: false }
  const write = async (trx: Transaction<Database>) => {
    await ensureActivityRule(trx, facilityId)
    await insertActivity(
      trx,
      {
        id,
        facility_id: facilityId,
        function_code: input.function,
        title: input.title,
        description: input.description,
        min_age: input.minAge,
        max_age: input.maxAge,
        created_by: publisher?.id ?? null,
        created_at: now.toISOString(),
      },
      sessions,
    )
  }
  // The sample district publishes inside its own transaction.
  if (db.isTransaction) await write(db as Transaction<Database>)
  else await db.transaction().execute(write)
  const [published] = await staffActivities(db, facilityId, now, id)
  return { activity: published, created: true }
}

/** How long a publication with the same title, days, hours, places and price is taken for a retry of the first. */
const TWIN_WINDOW_MS = 10 * 60_000

/** A facility's activities from today on, as residents see them: each with its coming days and their places. */
export async function listActivities(db: Kysely<Database>, facilityId: string, fn: FunctionCode | undefined, now: Date): Promise<ActivityList> {
  const facility = await findFacilityPlace(db, facilityId)
  if (!facility || facility.retiredAt) throw new NotFoundError('没有找到这个设施，可能已停止服务')
  const today = shanghaiDate(now)
  const { activities, sessions } = await findActivitiesFrom(db, facilityId, today, { functionCode: fn, withdrawn: false })
  return { today, activities: await withDays(db, facilityId, activities, sessions, now) }
}

/** The operator's list: withdrawn ones too, with how many signed up. */
export async function staffActivities(db: Kysely<Database>, facilityId: string, now: Date, only?: string): Promise<StaffActivity[]> {
  const found = await findActivitiesFrom(db, facilityId, shanghaiDate(now), { withdrawn: true })
  const rows = only ? found.activities.filter((a) => a.id === only) : found.activities
  const views = await withDays(db, facilityId, rows, found.sessions, now)
  return views.map((view) => {
    const row = rows.find((a) => a.id === view.id) as ActivityRow
    const days = found.sessions.filter((s) => s.activity_id === view.id)
    return { ...view, withdrawn: row.withdrawn_at !== null, signedUp: days.reduce((sum, s) => sum + s.booked, 0) }
  })
}

async function withDays(db: Kysely<Database>, facilityId: string, activities: ActivityRow[], sessions: SessionRow[], now: Date): Promise<Activity[]> {
  const rule = activities.length > 0 ? await findBookingRule(db, facilityId, ACTIVITY_RULE_KEY) : undefined
  return activities
    .flatMap((a) => {
      const days = sessions.filter((s) => s.activity_id === a.id)
      if (!rule || days.length === 0) return []
      return [
        {
          id: a.id,
          facilityId: a.facility_id,
          function: a.function_code as FunctionCode,
          title: a.title,
          description: a.description,
          minAge: a.min_age,
          maxAge: a.max_age,
          priceFen: days[0].price_fen ?? 0,
          sessions: days.map((s) => toSession(s, rule, now)),
        },
      ]
    })
    .sort((x, y) => (x.sessions[0].startsAt < y.sessions[0].startsAt ? -1 : 1))
}

/**
 * 取消活动: its days still to come stop taking sign-ups, and everyone signed up is cancelled with the reason, which
 * they are told (as when a day is closed). Days already begun are left: they happened.
 */
export async function withdrawActivity(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  activityId: string,
  reason: string,
  now: Date,
): Promise<{ cancelled: number }> {
  const activity = await findActivity(db, facilityId, activityId)
  if (!activity) throw new NotFoundError('没有找到这个活动')
  if (!(await markWithdrawn(db, activityId, now))) throw new DomainError('not_applicable', '这个活动已经取消了')
  const { sessions } = await findActivitiesFrom(db, facilityId, shanghaiDate(now), { withdrawn: true })
  const toCome = sessions.filter((s) => s.activity_id === activityId && new Date(s.starts_at) > now).map((s) => s.id)
  await closeSessions(db, toCome, `活动停办：${reason}`)
  const toCancel = await findToServe(db, toCome)
  for (const { id, status } of toCancel) {
    const refund = status === 'checked_in' ? '，已付款项请到柜台退还' : ''
    await changeBookingStatus(db, { bookingId: id, to: 'cancelled', actorUserId: staff.id, reason: `活动停办：${reason}${refund}`, now })
  }
  return { cancelled: toCancel.length }
}
