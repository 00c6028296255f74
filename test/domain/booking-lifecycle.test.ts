import type { BookingStatus } from '@shared/booking'
import { changeBookingStatus } from '../../server/bookings/booking-lifecycle'
import { placeBooking } from '../../server/bookings/booking.service'
import { findEntryEvent } from '../../server/bookings/booking.repository'
import { upsertUserByOpenid } from '../../server/auth/user.repository'
import { addDays, shanghaiDate } from '../../server/time/shanghai'
import { suiteInstant } from '../support/clock'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'
import { mealSessionId } from '../../server/meals/meal-template'

// The engine without HTTP: the state machine and what each move does to capacity, subsidy and payment.
describe.each(DATABASES)('booking lifecycle on %s', (database) => {
  let store: TestDb
  beforeAll(async () => {
    store = await createTestDb(database)
  })
  afterAll(() => store.drop())

  const db = () => store.db.kysely
  // The store is seeded at the suite's instant; the engine runs at the same one.
  const now = suiteInstant()
  const sessionId = mealSessionId('yl-hongqi', addDays(shanghaiDate(now), 2), 'lunch')
  const booked = async () =>
    (await db().selectFrom('sessions').select('booked').where('id', '=', sessionId).executeTakeFirstOrThrow()).booked

  async function newBooking(openid: string) {
    const user = await upsertUserByOpenid(db(), openid, now)
    const request = { sessionId, quantity: 2, meal: { setId: `${sessionId}-1`, fulfilment: 'dine_in' as const } }
    const { booking } = await placeBooking(db(), user, request, `key-${openid}`, now)
    return { user, booking }
  }
  const move = (bookingId: string, actorUserId: string, to: BookingStatus) =>
    changeBookingStatus(db(), { bookingId, to, actorUserId, now })

  it('checks in (recording payment at the counter), then completes; every step is in the history', async () => {
    const { user, booking } = await newBooking('life-complete')
    await move(booking.id, user.id, 'checked_in')
    const row = await db().selectFrom('bookings').select(['status', 'paid_fen', 'payable_fen']).where('id', '=', booking.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'checked_in', paid_fen: row.payable_fen })
    await move(booking.id, user.id, 'completed')
    const events = await db().selectFrom('booking_events').select(['from_status', 'to_status', 'actor_user_id']).where('booking_id', '=', booking.id).orderBy('at').orderBy('id').execute()
    expect(events.map((e) => `${e.from_status}→${e.to_status}`).sort()).toEqual(['booked→checked_in', 'checked_in→completed', 'null→booked'].sort())
    expect(events.every((e) => e.actor_user_id === user.id)).toBe(true)
  })

  it('returns the units on cancelling, and nothing leaves a final state', async () => {
    const before = await booked()
    const { user, booking } = await newBooking('life-cancel')
    expect(await booked()).toBe(before + 2)
    await move(booking.id, user.id, 'cancelled')
    expect(await booked()).toBe(before)
    for (const to of ['booked', 'checked_in', 'completed', 'no_show', 'cancelled'] as const) {
      await expect(move(booking.id, user.id, to)).rejects.toMatchObject({ code: 'invalid_transition' })
    }
    expect(await booked()).toBe(before)
  })

  it('marks a no-show without returning the units', async () => {
    const { user, booking } = await newBooking('life-no-show')
    const before = await booked()
    await move(booking.id, user.id, 'no_show')
    expect(await booked()).toBe(before)
    await expect(move(booking.id, user.id, 'completed')).rejects.toMatchObject({ code: 'invalid_transition' })
  })
  it('takes back a completion only as an undo, to checked in, and keeps both events even within one instant', async () => {
    const { user, booking } = await newBooking('life-undo')
    await move(booking.id, user.id, 'checked_in')
    await move(booking.id, user.id, 'completed')
    // An ordinary move never goes back.
    await expect(move(booking.id, user.id, 'checked_in')).rejects.toMatchObject({ code: 'invalid_transition' })
    const completion = await findEntryEvent(db(), booking.id, 'completed')
    const undo = (to: BookingStatus, undoes: string) => changeBookingStatus(db(), { bookingId: booking.id, to, actorUserId: user.id, undoes, now })
    await expect(undo('booked', completion!.id)).rejects.toMatchObject({ code: 'invalid_transition' })
    await undo('checked_in', completion!.id)
    expect(await findEntryEvent(db(), booking.id, 'completed')).toBeUndefined()
    // Completed again at the same instant: that completion, not the undone one, is what an undo would take back.
    await move(booking.id, user.id, 'completed')
    const again = await findEntryEvent(db(), booking.id, 'completed')
    expect(again?.id).not.toBe(completion!.id)
    const events = await db().selectFrom('booking_events').select(['to_status', 'undoes_event_id']).where('booking_id', '=', booking.id).execute()
    expect(events).toHaveLength(5)
    expect(events.filter((e) => e.undoes_event_id === completion!.id)).toEqual([{ to_status: 'checked_in', undoes_event_id: completion!.id }])
  })
})
