import { randomUUID } from 'node:crypto'
import { FEEDBACK_CATEGORY_NAMES, FEEDBACK_WORKING_DAYS, type Feedback, type FeedbackCategory, type FeedbackCreate, type FeedbackStatus } from '@shared/feedback'
import type { Kysely, Selectable } from 'kysely'
import type { AdminScope } from '../admin/facility-admin.repository'
import { findAdminFacilities } from '../admin/facility-admin.repository'
import { addWorkingDays } from '../calendar/working-days'
import type { Database, FeedbackTable, UserRow } from '../db/schema'
import { DomainError, InvalidInputError, NotFoundError } from '../http/errors'
import { insertNotice } from '../notices/notice.repository'
import { loadCalendar } from '../ratings/rating.repository'
import { shanghaiDate, toShanghaiIso } from '../time/shanghai'

/** Open items one resident may have waiting at once: enough for anyone, not enough to flood a street office. */
const MAX_OPEN_PER_RESIDENT = 10

type Row = Selectable<FeedbackTable> & { facility_name: string }

const withFacility = (db: Kysely<Database>) =>
  db.selectFrom('feedback as fb').innerJoin('facilities as f', 'f.id', 'fb.facility_id').selectAll('fb').select('f.name as facility_name')

function toFeedback(r: Row, today: string): Feedback {
  return {
    id: r.id,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    category: r.category as FeedbackCategory,
    text: r.text,
    bookingId: r.booking_id,
    status: r.status as FeedbackStatus,
    createdAt: toShanghaiIso(r.created_at),
    dueDate: r.due_date,
    overdue: r.status === 'open' && r.due_date < today,
    answer: r.answer,
    answeredAt: r.answered_at ? toShanghaiIso(r.answered_at) : null,
  }
}

/** A resident's message about a facility, with its deadline; a booking named must be theirs, at that facility. */
export { FEEDBACK_WORKING_DAYS }

export async function submitFeedback(db: Kysely<Database>, user: UserRow, input: FeedbackCreate, now: Date): Promise<Feedback> {
  const facility = await db.selectFrom('facilities').select(['id', 'name']).where('id', '=', input.facilityId).where('retired_at', 'is', null).executeTakeFirst()
  if (!facility) throw new InvalidInputError('facilityId', '没有找到这个设施')
  if (input.bookingId) {
    const booking = await db
      .selectFrom('bookings')
      .select('id')
      .where('id', '=', input.bookingId)
      .where('booker_user_id', '=', user.id)
      .where('facility_id', '=', facility.id)
      .executeTakeFirst()
    if (!booking) throw new InvalidInputError('bookingId', '不是您在这个设施的预约')
  }
  const open = await db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', user.id).where('status', '=', 'open').executeTakeFirstOrThrow()
  if (Number(open.n) >= MAX_OPEN_PER_RESIDENT) {
    throw new DomainError('limit_reached', `您已有 ${MAX_OPEN_PER_RESIDENT} 条意见在等待答复，请等街道答复后再提交`)
  }
  const today = shanghaiDate(now)
  const row = {
    id: `f-${randomUUID()}`,
    user_id: user.id,
    facility_id: facility.id,
    category: input.category,
    text: input.text,
    booking_id: input.bookingId ?? null,
    status: 'open',
    created_at: now.toISOString(),
    due_date: addWorkingDays(today, FEEDBACK_WORKING_DAYS, await loadCalendar(db)),
    answer: null,
    answered_at: null,
    answered_by: null,
    verdict_at: null,
  }
  await db.insertInto('feedback').values(row).execute()
  return toFeedback({ ...row, facility_name: facility.name }, today)
}

export async function listMyFeedback(db: Kysely<Database>, user: UserRow, now: Date): Promise<Feedback[]> {
  const rows = await withFacility(db).where('fb.user_id', '=', user.id).orderBy('fb.created_at', 'desc').limit(100).execute()
  return rows.map((r) => toFeedback(r, shanghaiDate(now)))
}

/** What the street office (its facilities) or the district (all) has to answer: open first, by deadline. */
export async function listGovernedFeedback(db: Kysely<Database>, scope: AdminScope, now: Date): Promise<Feedback[]> {
  const ids = (await findAdminFacilities(db, scope)).map((f) => f.id)
  if (ids.length === 0) return []
  const rows = await withFacility(db).where('fb.facility_id', 'in', ids).orderBy('fb.due_date').limit(300).execute()
  const today = shanghaiDate(now)
  return rows.map((r) => toFeedback(r, today)).sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'))
}

/** The street office's answer, once; the resident is told in the same transaction. */
export async function answerFeedback(db: Kysely<Database>, scope: AdminScope, staffId: string, id: string, answer: string, now: Date): Promise<Feedback[]> {
  const found = await withFacility(db).where('fb.id', '=', id).executeTakeFirst()
  const governed = found && (await findAdminFacilities(db, scope, found.facility_id)).length > 0
  if (!found || !governed) throw new NotFoundError('没有找到这条意见')
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('feedback')
      .set({ status: 'answered', answer, answered_at: now.toISOString(), answered_by: staffId })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (done.numUpdatedRows !== 1n) throw new DomainError('invalid_transition', '这条意见已经答复过了')
    await insertNotice(trx, {
      kind: 'feedback_answered',
      title: '您的意见有答复了',
      body: `您对${found.facility_name}的${FEEDBACK_CATEGORY_NAMES[found.category as FeedbackCategory]}已有街道答复，请在「我的意见」里查看，并告诉我们您是否认可。`,
      fields: { thing1: found.facility_name.slice(0, 20), time2: '', character_string3: '', thing4: '请查看答复' },
      userId: found.user_id,
      bookingId: null,
      deliverAfter: now,
      now,
    })
  })
  return listGovernedFeedback(db, scope, now)
}

/** The resident's word on the answer: accepted or not (a 不认可 stays on the street office's list). */
export async function recordFeedbackVerdict(db: Kysely<Database>, user: UserRow, id: string, accept: boolean, now: Date): Promise<Feedback> {
  const mine = await withFacility(db).where('fb.id', '=', id).where('fb.user_id', '=', user.id).executeTakeFirst()
  if (!mine) throw new NotFoundError('没有找到这条意见')
  if (mine.status !== 'answered') throw new DomainError('invalid_transition', mine.status === 'open' ? '街道还没有答复' : '您已经确认过这条答复')
  await db
    .updateTable('feedback')
    .set({ status: accept ? 'accepted' : 'disputed', verdict_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'answered')
    .execute()
  const updated = await withFacility(db).where('fb.id', '=', id).executeTakeFirstOrThrow()
  return toFeedback(updated, shanghaiDate(now))
}
