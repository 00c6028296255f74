import type { Insertable, Kysely, Selectable, Transaction } from 'kysely'
import { keepPublishedDay } from '../bookings/session.repository'
import type { Database, HomeServiceRequestTable } from '../db/schema'
import { shanghaiInstant } from '../time/shanghai'

export type HomeRequestRow = Selectable<HomeServiceRequestTable> & { facility_name: string; booking_status: string | null }

/** Requests with their facility's name and, once accepted, their booking's status. */
const withFacility = (db: Kysely<Database>) =>
  db
    .selectFrom('home_service_requests as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('bookings as b', 'b.id', 'r.booking_id')
    .selectAll('r')
    .select(['f.name as facility_name', 'b.status as booking_status'])

export async function insertHomeRequest(db: Kysely<Database>, row: Insertable<HomeServiceRequestTable>): Promise<void> {
  await db.insertInto('home_service_requests').values(row).execute()
}

export function findHomeRequest(db: Kysely<Database>, id: string): Promise<HomeRequestRow | undefined> {
  return withFacility(db).where('r.id', '=', id).executeTakeFirst()
}

export function listUserHomeRequests(db: Kysely<Database>, userId: string): Promise<HomeRequestRow[]> {
  return withFacility(db).where('r.user_id', '=', userId).orderBy('r.created_at', 'desc').limit(100).execute()
}

export function listFacilityHomeRequests(db: Kysely<Database>, facilityId: string): Promise<HomeRequestRow[]> {
  return withFacility(db).where('r.facility_id', '=', facilityId).orderBy('r.date', 'desc').orderBy('r.created_at', 'desc').limit(300).execute()
}

/** The same request, still waiting, by the same resident: a second tap on 提交 finds it instead of writing twice. */
export function findOpenTwin(
  db: Kysely<Database>,
  userId: string,
  r: Pick<HomeServiceRequestTable, 'facility_id' | 'service' | 'date' | 'window'>,
): Promise<HomeRequestRow | undefined> {
  return withFacility(db)
    .where('r.user_id', '=', userId)
    .where('r.facility_id', '=', r.facility_id)
    .where('r.service', '=', r.service)
    .where('r.date', '=', r.date)
    .where('r.window', '=', r.window)
    .where('r.status', '=', 'requested')
    .executeTakeFirst()
}

export async function countOpenRequests(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('home_service_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', 'requested')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Moves a request on only from where it was read: a concurrent cancel, accept or decline makes this one miss. */
export async function moveHomeRequest(
  db: Kysely<Database>,
  id: string,
  from: string,
  set: Partial<Selectable<HomeServiceRequestTable>>,
): Promise<boolean> {
  const done = await db.updateTable('home_service_requests').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst()
  return done.numUpdatedRows === 1n
}

/** The accepted request of this requester on this day of visits that still waits for its booking. */
export function findVisitToBook(db: Kysely<Database>, sessionId: string, userId: string) {
  return db
    .selectFrom('home_service_requests')
    .select(['id', 'service', 'address', 'visit_at', 'price_fen'])
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('status', '=', 'accepted')
    .where('booking_id', 'is', null)
    .executeTakeFirst()
}

/** The accepted request's booking, once placed. */
export async function linkVisitBooking(trx: Transaction<Database>, requestId: string, bookingId: string): Promise<void> {
  await trx.updateTable('home_service_requests').set({ booking_id: bookingId }).where('id', '=', requestId).where('booking_id', 'is', null).execute()
}

/**
 * The facility's booking rule for home visits, written once if the district has set none: a visit is booked when
 * accepted, so it may be booked until the day's visits end (cut-off 12 hours after their 08:00 start), up to 60 days
 * ahead, cancelled by the resident until the day begins, reminded the evening before.
 */
export async function ensureHomeVisitRule(trx: Transaction<Database>, facilityId: string): Promise<void> {
  await trx
    .insertInto('booking_rules')
    .values({
      facility_id: facilityId,
      function_code: 'housekeeping',
      horizon_days: 60,
      cutoff_minutes: -720,
      cancel_minutes: 0,
      max_units: 1,
      reminder_minutes: 720,
      max_run_days: 1,
      max_units_per_account: 1,
    })
    .onConflict((oc) => oc.columns(['facility_id', 'function_code']).doNothing())
    .execute()
}

/** The function a home visit is booked under: the evaluation and the desk count it with 家政便民. */
export const HOME_VISIT_FUNCTION = 'housekeeping'

export const HOME_DAY = { from: '08:00', to: '20:00' } as const

/**
 * The facility's day of home visits (one session per facility and day, its slot's key), created without places if
 * missing, and locked for this transaction (a write to its row): two clerks accepting visits for the same day count
 * each other's in turn.
 */
export async function lockHomeVisitDay(trx: Transaction<Database>, facilityId: string, date: string): Promise<string> {
  await trx
    .insertInto('sessions')
    .values({
      id: `s-home-${facilityId}-${date}`.slice(0, 64),
      facility_id: facilityId,
      function_code: HOME_VISIT_FUNCTION,
      date,
      part: 'home_visit',
      starts_at: shanghaiInstant(date, HOME_DAY.from).toISOString(),
      ends_at: shanghaiInstant(date, HOME_DAY.to).toISOString(),
      capacity: 0,
      price_fen: null,
    })
    .onConflict(keepPublishedDay)
    .execute()
  const session = await trx
    .updateTable('sessions')
    .set((eb) => ({ capacity: eb.ref('capacity') }))
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', HOME_VISIT_FUNCTION)
    .where('date', '=', date)
    .where('part', '=', 'home_visit')
    .returning('id')
    .executeTakeFirstOrThrow()
  return session.id
}

/** Places enough for every visit of the day: those booked and those accepted whose booking is being placed. */
export async function fitHomeVisitPlaces(trx: Transaction<Database>, sessionId: string): Promise<void> {
  const pending = await trx
    .selectFrom('home_service_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'accepted')
    .where('booking_id', 'is', null)
    .executeTakeFirstOrThrow()
  await trx
    .updateTable('sessions')
    .set((eb) => ({ capacity: eb('booked', '+', Number(pending.n)) }))
    .where('id', '=', sessionId)
    .where((eb) => eb('capacity', '<', eb('booked', '+', Number(pending.n))))
    .execute()
}
