import type { SessionPart } from '@shared/booking'
import { LEVEL_NAMES, type RectificationCase } from '@shared/rating'
import { bookedService, serviceWords } from '../bookings/booked-service'
import type { BookingDetails } from '../bookings/booking-plan'
import type { Kysely } from 'kysely'
import { daysBetween, shanghaiDate, toShanghaiIso } from '../time/shanghai'
import type { Database, UserRow } from '../db/schema'
import { districtFacilityIds } from '../facilities/district-facilities'
import { DomainError, NotFoundError } from '../http/errors'
import { rectificationAnsweredNotice } from '../notices/notice-kinds'
import { insertNotice } from '../notices/notice.repository'

function casesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('rectification_cases as c')
    .innerJoin('ratings as r', 'r.id', 'c.rating_id')
    .innerJoin('bookings as b', 'b.id', 'r.booking_id')
    .innerJoin('sessions as s', 's.id', 'b.session_id')
    .select([
      'c.id',
      'c.status',
      'c.facility_id',
      'b.function_code',
      's.part',
      'b.details',
      'r.service_date',
      'r.level',
      'r.attitude',
      'r.quality',
      'r.environment',
      'r.price',
      'r.comment',
      'c.opened_at',
      'c.due_date',
      'c.callback_note',
      'c.answer',
    ])
}

/**
 * A facility's cases, open first and by deadline. What handling needs — the service and its day, the rating and
 * comment — and nothing of who rated: not even the booking code, which the desk can turn into a name.
 */
export async function facilityCases(db: Kysely<Database>, facilityId: string, now: Date): Promise<RectificationCase[]> {
  const today = shanghaiDate(now)
  const rows = await casesQuery(db).where('c.facility_id', '=', facilityId).orderBy('c.due_date').limit(200).execute()
  return rows
    .map((r) => ({
      id: r.id,
      status: r.status as RectificationCase['status'],
      facilityId: r.facility_id,
      service: serviceWords(bookedService(r.function_code, r.part as SessionPart, JSON.parse(r.details) as BookingDetails)),
      serviceDate: r.service_date,
      level: r.level,
      levelName: LEVEL_NAMES[r.level],
      scores: { attitude: r.attitude, quality: r.quality, environment: r.environment, price: r.price },
      comment: r.comment,
      openedAt: toShanghaiIso(r.opened_at),
      dueDate: r.due_date,
      overdue: r.status === 'open' && r.due_date < today,
      callbackNote: r.callback_note,
      answer: r.answer,
    }))
    .sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'))
}

/** The operator's call-back and rectification; the resident is told in the same transaction. */
export async function answerCase(
  db: Kysely<Database>,
  facilityId: string,
  caseId: string,
  answer: { callbackNote: string; rectification: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('rectification_cases as c')
      .innerJoin('ratings as r', 'r.id', 'c.rating_id')
      .innerJoin('bookings as b', 'b.id', 'r.booking_id')
      .innerJoin('facilities as f', 'f.id', 'c.facility_id')
      .select(['c.status', 'r.rater_user_id', 'r.booking_id', 'b.code', 'f.name'])
      .where('c.id', '=', caseId)
      .where('c.facility_id', '=', facilityId)
      .executeTakeFirst()
    if (!found) throw new NotFoundError('没有找到这件整改')
    const moved = await trx
      .updateTable('rectification_cases')
      .set({ status: 'answered', callback_at: now.toISOString(), callback_note: answer.callbackNote, answer: answer.rectification, answered_at: now.toISOString() })
      .where('id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (moved.numUpdatedRows !== 1n) throw new DomainError('invalid_transition', '这件整改已经回复过了')
    await insertNotice(trx, {
      ...rectificationAnsweredNotice(found.name, found.code),
      userId: found.rater_user_id,
      bookingId: found.booking_id,
      deliverAfter: now,
      now,
    })
  })
}

/** The resident accepts the answer, or does not (which stays on the facility's record). */
export async function recordVerdict(db: Kysely<Database>, user: UserRow, bookingId: string, accept: boolean, now: Date): Promise<void> {
  const found = await db
    .selectFrom('rectification_cases as c')
    .innerJoin('ratings as r', 'r.id', 'c.rating_id')
    .select(['c.id', 'c.status', 'r.rater_user_id'])
    .where('r.booking_id', '=', bookingId)
    .executeTakeFirst()
  if (!found || found.rater_user_id !== user.id) throw new NotFoundError('没有找到这件整改')
  const moved = await db
    .updateTable('rectification_cases')
    .set({ status: accept ? 'accepted' : 'rejected', verdict_at: now.toISOString() })
    .where('id', '=', found.id)
    .where('status', '=', 'answered')
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) {
    throw new DomainError('invalid_transition', found.status === 'open' ? '设施还没有回复，请稍后再看' : '您已经表过态了')
  }
}

/** For government staff: the district's open cases past their deadline, the longest overdue first. */
/** Open cases past their deadline in a district, or only in some of its streets (a street office's own). */
export async function overdueCases(db: Kysely<Database>, { districtId, streetIds }: { districtId: string; streetIds?: string[] }, now: Date) {
  const today = shanghaiDate(now)
  const rows = await db
    .selectFrom('rectification_cases as c')
    .innerJoin('ratings as r', 'r.id', 'c.rating_id')
    .innerJoin('facilities as f', 'f.id', 'c.facility_id')
    .select(['c.id', 'c.facility_id', 'f.name', 'r.level', 'c.due_date'])
    .where('c.facility_id', 'in', districtFacilityIds(db, districtId, streetIds))
    .where('c.status', '=', 'open')
    .where('c.due_date', '<', today)
    .orderBy('c.due_date')
    .limit(500)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    facilityId: r.facility_id,
    facilityName: r.name,
    levelName: LEVEL_NAMES[r.level],
    dueDate: r.due_date,
    daysOverdue: daysBetween(r.due_date, today),
  }))
}
