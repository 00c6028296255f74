import { randomUUID } from 'node:crypto'
import type { BookingStatus } from '@shared/booking'
import {
  HOME_REQUEST_DAYS_AHEAD,
  HOME_SERVICE_NAMES,
  HOME_WINDOW_HOURS,
  HOME_WINDOWS,
  type HomeAccept,
  type HomeRequest,
  type HomeRequestCreate,
  type HomeRequestStatus,
  type HomeServiceKind,
  type HomeWindow,
} from '@shared/home-service'
import type { Kysely } from 'kysely'
import { placeBooking } from '../bookings/booking.service'
import type { Database, UserRow } from '../db/schema'
import { offersFunction } from '../facilities/facility-functions.repository'
import { insertNotice } from '../notices/notice.repository'
import { DomainError, InvalidInputError, NotFoundError } from '../http/errors'
import { addDays, shanghaiDate, shanghaiInstant, toShanghaiIso } from '../time/shanghai'
import {
  type HomeRequestRow,
  countOpenRequests,
  fitHomeVisitPlaces,
  ensureHomeVisitRule,
  findHomeRequest,
  findOpenTwin,
  insertHomeRequest,
  listFacilityHomeRequests,
  listUserHomeRequests,
  lockHomeVisitDay,
  moveHomeRequest,
} from './home-service.repository'

/** Requests one resident may have waiting at once: enough for a household, not enough to flood a facility. */
const MAX_OPEN_PER_RESIDENT = 5

const notFound = () => new NotFoundError('没有找到这条家政申请')

async function mustFind(db: Kysely<Database>, id: string): Promise<HomeRequestRow> {
  const row = await findHomeRequest(db, id)
  if (!row) throw notFound()
  return row
}

/** Whether a day's window has ended by `now`: too late to ask for, and lapsed if asked for and not answered. */
const windowOver = (date: string, window: HomeWindow, now: Date): boolean => shanghaiInstant(date, HOME_WINDOW_HOURS[window].to) <= now

/** A request as the resident and the operator read it, at `now` (whether the window asked for has gone by unanswered). */
function toHomeRequest(r: HomeRequestRow, now: Date): HomeRequest {
  return {
    id: r.id,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    service: r.service as HomeServiceKind,
    date: r.date,
    window: r.window as HomeWindow,
    address: r.address,
    phone: r.phone,
    notes: r.notes,
    status: r.status as HomeRequestStatus,
    createdAt: toShanghaiIso(r.created_at),
    visitAt: r.visit_at ? toShanghaiIso(r.visit_at) : null,
    priceFen: r.price_fen,
    bookingId: r.booking_id,
    bookingStatus: (r.booking_status as BookingStatus | null) ?? null,
    declineReason: r.decline_reason,
    cancellable: r.status === 'requested',
    lapsed: r.status === 'requested' && windowOver(r.date, r.window as HomeWindow, now),
  }
}

/** A resident's request for a service at home from a facility that offers 家政便民, for a window not yet over. */
export async function createHomeRequest(
  db: Kysely<Database>,
  user: UserRow,
  input: HomeRequestCreate,
  now: Date,
): Promise<{ created: boolean; request: HomeRequest }> {
  const facility = await db.selectFrom('facilities').select('id').where('id', '=', input.facilityId).where('retired_at', 'is', null).executeTakeFirst()
  if (!facility) throw new InvalidInputError('facilityId', '没有找到这个设施')
  if (!(await offersFunction(db, facility.id, 'housekeeping'))) throw new InvalidInputError('facilityId', '这个设施不提供家政便民服务')
  const today = shanghaiDate(now)
  if (input.date < today) throw new InvalidInputError('date', '这一天已经过去，请选择今天或之后的日期')
  // The day is right; the window is what has passed (a form left open from 11:50 to 12:05).
  if (windowOver(input.date, input.window, now)) {
    const { name, to } = HOME_WINDOW_HOURS[input.window]
    throw new InvalidInputError('window', `今天${name}的时段（到 ${to}）已经结束，请选择之后的时段或日期`)
  }
  if (input.date > addDays(today, HOME_REQUEST_DAYS_AHEAD)) {
    throw new InvalidInputError('date', `只能申请 ${HOME_REQUEST_DAYS_AHEAD} 天以内的上门服务`)
  }
  const twin = await findOpenTwin(db, user.id, { facility_id: facility.id, service: input.service, date: input.date, window: input.window })
  if (twin) return { created: false, request: toHomeRequest(twin, now) }
  if ((await countOpenRequests(db, user.id)) >= MAX_OPEN_PER_RESIDENT) {
    throw new DomainError('limit_reached', `您已有 ${MAX_OPEN_PER_RESIDENT} 条家政申请在等待受理，请等设施答复后再申请`)
  }
  const id = `hs-${randomUUID()}`
  await insertHomeRequest(db, {
    id,
    user_id: user.id,
    facility_id: facility.id,
    service: input.service,
    date: input.date,
    window: input.window,
    address: input.address,
    phone: input.phone,
    notes: input.notes ? input.notes : null,
    status: 'requested',
    created_at: now.toISOString(),
  })
  return { created: true, request: toHomeRequest(await mustFind(db, id), now) }
}

export async function listMyHomeRequests(db: Kysely<Database>, user: UserRow, now: Date): Promise<HomeRequest[]> {
  return (await listUserHomeRequests(db, user.id)).map((r) => toHomeRequest(r, now))
}

/** The resident withdraws a request while it waits; once accepted it is a booking, cancelled as bookings are. */
export async function cancelMyHomeRequest(db: Kysely<Database>, user: UserRow, id: string, now: Date): Promise<HomeRequest> {
  const mine = await findHomeRequest(db, id)
  if (!mine || mine.user_id !== user.id) throw notFound()
  if (mine.status === 'cancelled') return toHomeRequest(mine, now)
  if (mine.status !== 'requested' || !(await moveHomeRequest(db, id, 'requested', { status: 'cancelled', decided_at: now.toISOString() }))) {
    const current = (await findHomeRequest(db, id)) ?? mine
    throw new DomainError(
      'not_cancellable',
      current.status === 'accepted' ? '设施已经受理这条申请，请在「预约」里取消这次上门服务' : '这条申请已经婉拒，不需要取消',
    )
  }
  return toHomeRequest(await mustFind(db, id), now)
}

/**
 * What the operator has to answer at a facility: waiting ones first, the soonest day and window first (tomorrow's
 * before next week's), those whose window went by unanswered after them; then the rest by day, latest first.
 */
export async function listFacilityRequests(db: Kysely<Database>, facilityId: string, now: Date): Promise<HomeRequest[]> {
  const rows = (await listFacilityHomeRequests(db, facilityId)).map((r) => toHomeRequest(r, now))
  const waiting = rows.filter((r) => r.status === 'requested')
  waiting.sort(
    (a, b) =>
      Number(a.lapsed) - Number(b.lapsed) ||
      a.date.localeCompare(b.date) ||
      HOME_WINDOWS.indexOf(a.window) - HOME_WINDOWS.indexOf(b.window) ||
      a.createdAt.localeCompare(b.createdAt),
  )
  return [...waiting, ...rows.filter((r) => r.status !== 'requested')]
}

async function facilityRequest(db: Kysely<Database>, facilityId: string, id: string): Promise<HomeRequestRow> {
  const found = await findHomeRequest(db, id)
  if (!found || found.facility_id !== facilityId) throw notFound()
  return found
}

const STATUS_WORDS: Record<HomeRequestStatus, string> = {
  requested: '待受理',
  accepted: '已受理',
  declined: '已婉拒',
  cancelled: '居民已取消',
}

function notWaiting(status: string): DomainError {
  return new DomainError('invalid_transition', `这条申请${STATUS_WORDS[status as HomeRequestStatus] ?? ''}，不能再受理或婉拒`)
}

/**
 * The operator accepts with a time and a price: the request becomes a booking of the one engine, placed for the
 * requester (the staff member recorded as who booked), so the 预约 tab, the desk's check-in, 好差评 and the evaluation
 * treat it as every other booking. The request is claimed first, so the resident's cancel and another clerk's answer
 * cannot cross it; if the engine refuses (the person holds another visit that day, the day is closed), the request
 * waits again and nothing else stays written.
 */
export async function acceptHomeRequest(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  id: string,
  input: HomeAccept,
  now: Date,
): Promise<HomeRequest> {
  const found = await facilityRequest(db, facilityId, id)
  if (found.status !== 'requested') throw notWaiting(found.status)
  const visitAt = shanghaiInstant(input.date, input.time)
  if (visitAt <= now) throw new InvalidInputError('time', '上门时间已经过去，请填写之后的时间')
  if (input.time < '08:00' || input.time > '19:30') throw new InvalidInputError('time', '上门时间应在 08:00 到 19:30 之间')
  if (input.date > addDays(shanghaiDate(now), 60)) throw new InvalidInputError('date', '上门日期最多在 60 天以内')
  // The district may have taken 家政便民 off the facility since the request was made.
  if (!(await offersFunction(db, facilityId, 'housekeeping'))) throw new DomainError('not_bookable', '本设施已不提供家政便民服务，请婉拒这条申请')

  const sessionId = await db.transaction().execute(async (trx) => {
    await ensureHomeVisitRule(trx, facilityId)
    const session = await lockHomeVisitDay(trx, facilityId, input.date)
    const claimed = await moveHomeRequest(trx, id, 'requested', {
      status: 'accepted',
      session_id: session,
      visit_at: visitAt.toISOString(),
      price_fen: input.priceFen,
      decided_at: now.toISOString(),
      decided_by: staff.id,
    })
    if (!claimed) throw notWaiting((await findHomeRequest(trx, id))?.status ?? 'cancelled')
    await fitHomeVisitPlaces(trx, session)
    return session
  })

  const requester = await db.selectFrom('users').selectAll().where('id', '=', found.user_id).executeTakeFirstOrThrow()
  try {
    await placeBooking(db, requester, { sessionId, quantity: 1 }, `home-${id.slice(3, 40)}`, now, {
      onBehalf: { actorUserId: staff.id, facilityId },
    })
  } catch (err) {
    await moveHomeRequest(db, id, 'accepted', { status: 'requested', session_id: null, visit_at: null, price_fen: null, decided_at: null, decided_by: null })
    throw err
  }
  return toHomeRequest(await facilityRequest(db, facilityId, id), now)
}

/** The operator declines with a reason the resident reads. */
export async function declineHomeRequest(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  id: string,
  reason: string,
  now: Date,
): Promise<HomeRequest> {
  const found = await facilityRequest(db, facilityId, id)
  if (found.status !== 'requested') throw notWaiting(found.status)
  // The resident is told in the same transaction, in the words the operator gave.
  await db.transaction().execute(async (trx) => {
    const done = await moveHomeRequest(trx, id, 'requested', { status: 'declined', decline_reason: reason, decided_at: now.toISOString(), decided_by: staff.id })
    if (!done) throw notWaiting((await findHomeRequest(trx, id))?.status ?? 'cancelled')
    const service = HOME_SERVICE_NAMES[found.service as HomeServiceKind]
    await insertNotice(trx, {
      kind: 'home_service_declined',
      title: '家政申请未能受理',
      body: `${found.facility_name}未能受理您的${service}申请：${reason}`,
      fields: { thing1: `${found.facility_name.slice(0, 14)}${service}`.slice(0, 20), time2: '', character_string3: '', thing4: reason.slice(0, 20) },
      userId: found.user_id,
      bookingId: null,
      deliverAfter: now,
      now,
    })
  })
  return toHomeRequest(await facilityRequest(db, facilityId, id), now)
}
