import { type Booking, type BookingStatus, type Quote, type SessionPart, collectorViews } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import { together } from '../db/together'
import type { Insertable, Kysely, Transaction } from 'kysely'
import type { BookingEventTable, BookingSessionTable, BookingTable, Database } from '../db/schema'
import type { ServiceRun } from '../staff/desk-day'
import { shanghaiInstant, toShanghaiIso } from '../time/shanghai'
import { DAY_CANCELLABLE } from './day-cancel-rule'
import { INFANT_CLASS_NAMES, infantCareName } from '@shared/care'
import { bookedHours, bookedService, serviceWords } from './booked-service'
import type { BookingDetails, Take } from './booking-plan'
import { statement, statementOfRows } from '../db/statement'

export interface NewBooking {
  id: string
  code: string
  bookerUserId: string
  memberId: string | null
  facilityId: string
  functionCode: string
  sessionId: string
  serviceDate: string
  quantity: number
  details: BookingDetails
  quote: Quote
  takes: Take[]
  awaitingConfirmation: boolean
  offerExpiresAt: Date | null
  startsAt: Date
  cancelUntil: Date
  now: Date
}

export async function insertBooking(trx: Transaction<Database>, b: NewBooking): Promise<void> {
  const at = b.now.toISOString()
  const booking = bookingRow.changed(trx, {
    id: b.id,
    code: b.code,
    booker_user_id: b.bookerUserId,
    member_id: b.memberId,
    facility_id: b.facilityId,
    function_code: b.functionCode,
    session_id: b.sessionId,
    service_date: b.serviceDate,
    status: 'booked',
    quantity: b.quantity,
    details: JSON.stringify(b.details),
    quote: JSON.stringify(b.quote),
    payable_fen: b.quote.payableFen,
    paid_fen: null,
    starts_at: b.startsAt.toISOString(),
    cancel_until: b.cancelUntil.toISOString(),
    awaiting_confirmation: b.awaitingConfirmation ? 1 : 0,
    offer_expires_at: b.offerExpiresAt?.toISOString() ?? null,
    created_at: at,
    updated_at: at,
  })
  const sessions = sessionRows.changed(
    trx,
    b.takes.map((t) => ({ booking_id: b.id, session_id: t.sessionId, units: t.units, class_code: t.classCode })),
  )
  await together([booking, sessions])
}

const bookingRow = statement(
  (
    db,
    {
      id, code, booker_user_id, member_id, facility_id, function_code, session_id, service_date, status, quantity, details, quote,
      payable_fen, paid_fen, starts_at, cancel_until, awaiting_confirmation, offer_expires_at, created_at, updated_at,
    }: Insertable<BookingTable>,
  ) =>
    db.insertInto('bookings').values({
      id, code, booker_user_id, member_id, facility_id, function_code, session_id, service_date, status, quantity, details, quote,
      payable_fen, paid_fen, starts_at, cancel_until, awaiting_confirmation, offer_expires_at, created_at, updated_at,
    }),
)

const sessionRows = statementOfRows((db, rows: Insertable<BookingSessionTable>[]) =>
  db
    .insertInto('booking_sessions')
    .values(rows.map(({ booking_id, session_id, units, class_code }) => ({ booking_id, session_id, units, class_code }))),
)

/** Every change of state is kept with who made it and when. */
export async function recordEvent(
  trx: Transaction<Database>,
  event: {
    id: string
    bookingId: string
    from: BookingStatus | null
    to: BookingStatus
    actorUserId: string | null
    reason?: string | null
    at: Date
    /** An undo: the event it takes back. */
    undoes?: string
  },
): Promise<void> {
  await eventRow.changed(trx, {
    id: event.id,
    booking_id: event.bookingId,
    from_status: event.from,
    to_status: event.to,
    actor_user_id: event.actorUserId,
    reason: event.reason ?? null,
    at: event.at.toISOString(),
    undoes_event_id: event.undoes ?? null,
  })
}

const eventRow = statement(
  (db, { id, booking_id, from_status, to_status, actor_user_id, reason, at, undoes_event_id }: Insertable<BookingEventTable>) =>
    db.insertInto('booking_events').values({ id, booking_id, from_status, to_status, actor_user_id, reason, at, undoes_event_id }),
)

/**
 * The event that put a booking into its current status and has not been taken back: what the desk would undo.
 * (A status is entered again only after its last entry was undone, so there is one; events of one instant are
 * told apart this way, not by their order.)
 */
export function findEntryEvent(db: Kysely<Database>, bookingId: string, status: BookingStatus) {
  return db
    .selectFrom('booking_events as e')
    .selectAll('e')
    .where('e.booking_id', '=', bookingId)
    .where('e.to_status', '=', status)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('booking_events as u').select('u.id').whereRef('u.undoes_event_id', '=', 'e.id'))),
    )
    .orderBy('e.at', 'desc')
    .executeTakeFirst()
}

/** The sessions a booking takes, in order: one, or each day of a run (its first session if none is listed). */
export async function findServiceRun(db: Kysely<Database>, bookingId: string): Promise<ServiceRun> {
  const columns = ['s.date', 's.part', 's.starts_at', 's.ends_at'] as const
  const listed = await db
    .selectFrom('booking_sessions as bs')
    .innerJoin('sessions as s', 's.id', 'bs.session_id')
    .select(columns)
    .where('bs.booking_id', '=', bookingId)
    .orderBy('s.starts_at')
    .execute()
  const rows =
    listed.length > 0
      ? listed
      : await db.selectFrom('bookings as b').innerJoin('sessions as s', 's.id', 'b.session_id').select(columns).where('b.id', '=', bookingId).execute()
  const booking = await db.selectFrom('bookings').select(['function_code', 'details']).where('id', '=', bookingId).executeTakeFirstOrThrow()
  const part = rows[0].part as SessionPart
  const details = JSON.parse(booking.details) as BookingDetails
  const service = bookedService(booking.function_code, part, details)
  // A home visit keeps the hours the operator accepted it for, within the day of visits its session spans.
  const hours = (r: (typeof rows)[number]) =>
    details.home
      ? { startsAt: shanghaiInstant(r.date, details.home.from), endsAt: shanghaiInstant(r.date, details.home.to) }
      : { startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }
  return {
    part,
    service: service.detail ?? service.name,
    sessions: rows.map((r) => ({ date: r.date, ...hours(r) })),
  }
}

export async function bookingUnits(trx: Transaction<Database>, bookingId: string): Promise<Take[]> {
  return trx
    .selectFrom('booking_sessions')
    .select(['session_id as sessionId', 'units', 'class_code as classCode'])
    .where('booking_id', '=', bookingId)
    .execute()
}

function bookingViews(db: Kysely<Database>) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('sessions as s', 's.id', 'b.session_id')
    .innerJoin('facilities as f', 'f.id', 'b.facility_id')
    .leftJoin('family_members as m', 'm.id', 'b.member_id')
    .leftJoin('ratings as r', 'r.booking_id', 'b.id')
    .select([
      'b.id',
      'b.code',
      'b.status',
      'b.session_id',
      'b.facility_id',
      'f.name as facility_name',
      'b.function_code',
      'b.service_date',
      's.part',
      'b.starts_at',
      's.ends_at',
      'b.quantity',
      'b.member_id',
      'm.name as member_name',
      'b.details',
      'b.quote',
      'b.cancel_until',
      'b.awaiting_confirmation',
      'b.offer_expires_at',
      'b.created_at',
      'r.level as rating_level',
    ])
}

type BookingView = Awaited<ReturnType<ReturnType<typeof bookingViews>['executeTakeFirstOrThrow']>>

interface EventView {
  booking_id: string
  to_status: string
  at: string
  reason: string | null
}

/** The booker's own bookings, newest first; another user's are simply not there. */
export async function findBookingsOfBooker(
  db: Kysely<Database>,
  bookerUserId: string,
  filter: { id?: string; status?: BookingStatus },
  now: Date,
): Promise<Booking[]> {
  let query = bookingViews(db).where('b.booker_user_id', '=', bookerUserId)
  if (filter.id) query = query.where('b.id', '=', filter.id)
  if (filter.status) query = query.where('b.status', '=', filter.status)
  const rows = await query.orderBy('b.starts_at', 'desc').orderBy('b.id').limit(200).execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [events, days] = await Promise.all([
    db.selectFrom('booking_events').select(['booking_id', 'to_status', 'at', 'reason']).where('booking_id', 'in', ids).orderBy('at').orderBy('id').execute(),
    db
      .selectFrom('booking_sessions as bs')
      .innerJoin('sessions as s', 's.id', 'bs.session_id')
      .select(['bs.booking_id', 's.date'])
      .where('bs.booking_id', 'in', ids)
      .orderBy('s.date')
      .execute(),
  ])
  return rows.map((row) =>
    toBooking(
      row,
      events.filter((e) => e.booking_id === row.id),
      days.filter((d) => d.booking_id === row.id).map((d) => d.date),
      now,
    ),
  )
}

/**
 * The days of a run its booker may still give back one at a time (cancel-day.service.ts): each day's deadline is as
 * far before that day's start as the first day's is before its own.
 */
function cancellableDays(row: BookingView, status: BookingStatus, fn: FunctionCode, details: BookingDetails, days: string[], now: Date): string[] {
  const unique = [...new Set(days)]
  if (status !== 'booked' || unique.length < 2 || !DAY_CANCELLABLE.has(fn) || details.stay) return []
  const lead = Date.parse(row.starts_at) - Date.parse(row.cancel_until)
  const clock = toShanghaiIso(row.starts_at).slice(11, 16)
  return unique.filter((d) => now.getTime() < shanghaiInstant(d, clock).getTime() - lead)
}

/** A booking as its booker reads it; `days` are the days of its sessions. */
export function toBooking(row: BookingView, events: EventView[], days: string[], now: Date): Booking {
  const details = JSON.parse(row.details) as BookingDetails
  const fn = row.function_code as FunctionCode
  const part = row.part as SessionPart
  const meal = details.meal
  const status = row.status as BookingStatus
  return {
    id: row.id,
    code: row.code,
    status,
    sessionId: row.session_id,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    function: fn,
    service: serviceWords(bookedService(fn, part, details)),
    date: row.service_date,
    // A booking from before its sessions were recorded per day is its first day.
    days: days.length ? [...new Set(days)] : [row.service_date],
    part,
    startsAt: toShanghaiIso(row.starts_at),
    hours: bookedHours({ startsAt: row.starts_at, endsAt: row.ends_at }, details),
    quantity: row.quantity,
    member: row.member_id ? { id: row.member_id, name: row.member_name ?? '' } : null,
    beneficiaryName: row.member_id ? (row.member_name ?? '') : details.forMember ? '已删除的家庭成员' : '本人',
    meal: meal && {
      setName: meal.setName,
      dishes: meal.dishes,
      fulfilment: meal.fulfilment,
      deliveryAddress: meal.delivery?.address ?? null,
    },
    stay: details.stay,
    collectors: details.collectors && collectorViews(details.collectors),
    awaitingConfirmation: row.awaiting_confirmation === 1,
    offerExpiresAt: row.offer_expires_at ? toShanghaiIso(row.offer_expires_at) : null,
    ratingLevel: row.rating_level,
    care: details.care && {
      // Bookings from before the other types existed were 全日托.
      service: infantCareName({ ...details.care, type: details.care.type ?? 'full_day' }),
      days: details.care.days.map((d) => ({ date: d.date, className: INFANT_CLASS_NAMES[d.classCode] ?? d.classCode })),
    },
    quote: JSON.parse(row.quote) as Quote,
    cancelUntil: toShanghaiIso(row.cancel_until),
    cancellable: status === 'booked' && now.getTime() < Date.parse(row.cancel_until),
    cancellableDays: cancellableDays(row, status, fn, details, days, now),
    createdAt: toShanghaiIso(row.created_at),
    history: events.map((e) => ({ status: e.to_status as BookingStatus, at: toShanghaiIso(e.at), reason: e.reason })),
  }
}
