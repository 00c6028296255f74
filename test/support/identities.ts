import { grantStaff } from '../../server/staff/staff-grants'
import type { TestApp } from './app'
import { devLogin } from './app'
import { addMember, book, mealOrder, mealSession } from './bookings'

/** The facility the staff identities are about: 红旗社区, in 新华路街道 of 阎良区. */
export const FACILITY = 'yl-hongqi'

/**
 * Everyone who may call the API, as the access rules tell them apart: nobody, two residents, operator staff of
 * the facility and of another, street staff of the facility's street and of another, and district staff.
 */
export const IDENTITIES = [
  'anonymous',
  'resident',
  'otherResident',
  'operator',
  'otherOperator',
  'street',
  'otherStreet',
  'district',
] as const
export type Identity = (typeof IDENTITIES)[number]

export interface World {
  headers: Record<Identity, Record<string, string>>
  /** Things of `resident`'s: a booking of tomorrow's lunch at the facility, a family member, a notice. */
  bookingId: string
  bookingCode: string
  memberId: string
  noticeId: string
  sessionId: string
}

/** Signs the identities in and binds the staff among them; gives `resident` a booking to point routes at. */
export async function createWorld(t: TestApp): Promise<World> {
  const staff = async (openid: string, scopeKind: 'operator' | 'street' | 'district', scopeId: string) => {
    const headers = await devLogin(t.app, openid)
    await grantStaff(t.store.db.kysely, { user: `dev:${openid}`, scopeKind, scopeId, grantedBy: 'test' }, t.clock.now())
    return headers
  }
  const headers: World['headers'] = {
    anonymous: {},
    resident: await devLogin(t.app, 'world-resident'),
    otherResident: await devLogin(t.app, 'world-other-resident'),
    operator: await staff('world-operator', 'operator', `${FACILITY}-operator`),
    otherOperator: await staff('world-other-operator', 'operator', 'yl-jiayuan-operator'),
    street: await staff('world-street', 'street', 'yl-xinhualu'),
    otherStreet: await staff('world-other-street', 'street', 'yl-zhenxing'),
    district: await staff('world-district', 'district', 'xa-yanliang'),
  }
  const member = await addMember(t.app, headers.resident as { authorization: string })
  const lunch = await mealSession(t.app, { facilityId: FACILITY, date: t.clock.today(2) })
  const booking = await book(t.app, headers.resident as { authorization: string }, mealOrder(lunch, { memberId: member.id }))
  const notice = await t.store.db.kysely
    .selectFrom('notices')
    .select('id')
    .where('booking_id', '=', booking.id)
    .orderBy('deliver_after')
    .executeTakeFirstOrThrow()
  return { headers, bookingId: booking.id, bookingCode: booking.code, memberId: member.id, noticeId: notice.id, sessionId: lunch.id }
}

/**
 * A route's path with its parameters filled in with things of the world that exist: the facility, the
 * resident's booking, member and notice.
 */
export function concretePath(url: string, world: World, overrides: Record<string, string> = {}): string {
  const params: Record<string, string> = {
    facilityId: FACILITY,
    sessionId: world.sessionId,
    caseId: 'c-none',
    weekday: '0',
    part: 'lunch',
    action: 'check-in',
    date: '2026-12-02',
    schedule: 'day_care',
  }
  const idFor = (path: string) => {
    if (path.startsWith('/api/facilities/')) return FACILITY
    if (path.startsWith('/api/me/members/')) return world.memberId
    if (path.startsWith('/api/me/notices/')) return world.noticeId
    if (path.startsWith('/api/waitlist/')) return 'w-none'
    if (path.includes('/suspensions/')) return 's-none'
    return world.bookingId
  }
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => overrides[name] ?? params[name] ?? idFor(url))
}
