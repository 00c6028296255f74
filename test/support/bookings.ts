import { randomUUID } from 'node:crypto'
import { type Booking, type Session, bookingSchema, sessionListSchema } from '@shared/booking'
import { type FamilyMember, MEMBER_CONSENT, familyMemberSchema } from '@shared/member'
import type { AppInstance } from '../../server/app-instance'
import { addDays, shanghaiDate } from '../../server/time/shanghai'

type Headers = { authorization: string }

/** The seeded lunch of a facility on a day (tomorrow unless told), with its menu. */
export async function mealSession(
  app: AppInstance,
  { facilityId = 'yl-hongqi', date = addDays(shanghaiDate(app.now()), 1), part = 'lunch' } = {},
): Promise<Session & { sets: NonNullable<Session['sets']> }> {
  const res = await app.inject({ url: `/api/facilities/${facilityId}/sessions?function=meal&date=${date}` })
  const session = sessionListSchema.parse(res.json()).sessions.find((s) => s.part === part)
  if (!session?.sets) throw new Error(`no ${part} at ${facilityId} on ${date}: ${res.body}`)
  return { ...session, sets: session.sets }
}

export async function addMember(
  app: AppInstance,
  headers: Headers,
  fields: Record<string, unknown> = {},
): Promise<FamilyMember> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/me/members',
    headers,
    payload: {
      name: '王秀英',
      relation: '母亲',
      birthDate: '1944-03-02',
      districtId: 'xa-yanliang',
      consentVersion: MEMBER_CONSENT.version,
      ...fields,
    },
  })
  if (res.statusCode !== 201) throw new Error(`add member failed: ${res.statusCode} ${res.body}`)
  return familyMemberSchema.parse(res.json())
}

export function mealOrder(session: { id: string; sets: { id: string }[] }, fields: Record<string, unknown> = {}) {
  return { sessionId: session.id, meal: { setId: session.sets[0].id, fulfilment: 'dine_in' }, ...fields }
}

export function postBooking(app: AppInstance, headers: Headers, payload: object, key: string = randomUUID()) {
  return app.inject({ method: 'POST', url: '/api/bookings', headers: { ...headers, 'idempotency-key': key }, payload })
}

export async function book(app: AppInstance, headers: Headers, payload: object): Promise<Booking> {
  const res = await postBooking(app, headers, payload)
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`)
  return bookingSchema.parse(res.json())
}
