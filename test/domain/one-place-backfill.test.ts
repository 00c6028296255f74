import { MEMBER_CONSENT, memberCreateSchema } from '@shared/member'
import { upsertUserByOpenid } from '../../server/auth/user.repository'
import { changeBookingStatus } from '../../server/bookings/booking-lifecycle'
import { placeBooking } from '../../server/bookings/booking.service'
import { backfillOnePlace } from '../../server/db/migrations/013_one_place'
import { respiteNightId } from '../../server/db/seed/respite'
import { addMember } from '../../server/me/family-member.service'
import { addDays } from '../../server/time/shanghai'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'

const DAY_MS = 86_400_000

// Migration 013 gives the bookings made before it the claims and account counts the engine keeps from then on.
describe.each(DATABASES)('the one-place backfill on %s', (database) => {
  let store: TestDb
  beforeAll(async () => {
    store = await createTestDb(database)
  })
  afterAll(() => store.drop())
  const db = () => store.db.kysely

  const claims = () => db().selectFrom('place_claims').selectAll().orderBy('booking_id').orderBy('service_date').orderBy('slot').execute()
  const counts = () => db().selectFrom('account_session_units').selectAll().where('units', '>', 0).orderBy('user_id').orderBy('session_id').execute()

  it('rebuilds exactly what the engine wrote, keeping the earlier of two bookings that already overlapped', async () => {
    // "Now" follows from the seeded data, not from the day the test runs: two days before the last seeded lunch.
    const lunch = await db()
      .selectFrom('sessions')
      .selectAll()
      .where('facility_id', '=', 'yl-hongqi')
      .where('function_code', '=', 'meal')
      .where('part', '=', 'lunch')
      .orderBy('date', 'desc')
      .executeTakeFirstOrThrow()
    const now = new Date(Date.parse(lunch.starts_at) - 2 * DAY_MS)
    const meal = { sessionId: lunch.id, quantity: 2, meal: { setId: `${lunch.id}-1`, fulfilment: 'dine_in' as const } }

    const family = await upsertUserByOpenid(db(), 'backfill-family', now)
    const input = memberCreateSchema.parse({ name: '王秀英', relation: '母亲', birthDate: '1944-03-02', districtId: 'xa-yanliang', consentVersion: MEMBER_CONSENT.version })
    const mother = await addMember(db(), family.id, input, now)
    const other = await upsertUserByOpenid(db(), 'backfill-other', now)
    const desk = await upsertUserByOpenid(db(), 'desk:yl-hongqi', now)

    await placeBooking(db(), family, meal, 'k-self', now)
    const forMother = await placeBooking(db(), family, { ...meal, memberId: mother.id }, 'k-mother', now)
    const cancelled = await placeBooking(db(), other, meal, 'k-other', now)
    await changeBookingStatus(db(), { bookingId: cancelled.booking.id, to: 'cancelled', actorUserId: other.id, now })
    await placeBooking(db(), desk, meal, 'k-desk', now)
    const firstNight = addDays(lunch.date, -1)
    await placeBooking(db(), family, { sessionId: respiteNightId('yl-jiayuan', firstNight), memberId: mother.id, quantity: 1, throughDate: addDays(firstNight, 2) }, 'k-stay', now)

    const engineClaims = await claims()
    const engineCounts = await counts()
    expect(engineClaims.length).toBe(1 + 1 + 3 * 1 + 1)
    // The desk's lunch and the cancelled one count for no account.
    expect(engineCounts).toEqual([
      { user_id: family.id, session_id: lunch.id, units: 4 },
      ...[0, 1, 2].map((i) => ({ user_id: family.id, session_id: respiteNightId('yl-jiayuan', addDays(firstNight, i)), units: 1 })),
    ])

    // A second lunch for the mother booked later, as the engine used to allow.
    const original = await db().selectFrom('bookings').selectAll().where('id', '=', forMother.booking.id).executeTakeFirstOrThrow()
    await db()
      .insertInto('bookings')
      .values({ ...original, id: 'b-duplicate', code: '99999999', created_at: new Date(now.getTime() + 60_000).toISOString() })
      .execute()
    await db().insertInto('booking_sessions').values({ booking_id: 'b-duplicate', session_id: lunch.id, units: 2, class_code: null }).execute()

    await db().deleteFrom('place_claims').execute()
    await db().deleteFrom('account_session_units').execute()
    await backfillOnePlace(db())

    expect(await claims()).toEqual(engineClaims)
    // Counts are what was booked, the duplicate too: the account cannot add to it until it is back under the limit.
    expect(await counts()).toEqual(
      engineCounts.map((c) => (c.user_id === family.id && c.session_id === lunch.id ? { ...c, units: c.units + 2 } : c)),
    )
  })
})
