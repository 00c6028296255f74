import { bookingSchema } from '@shared/index'
import { respiteNightId } from '../../server/db/seed/respite'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'

const HOME = 'yl-jiayuan'

describe.each(DATABASES)('短期托养 stays on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  const night = (offset: number) => t.clock.today(offset)
  const stay = (memberId: string, from: number, nights: number) => ({
    sessionId: respiteNightId(HOME, night(from)),
    memberId,
    throughDate: night(from + nights - 1),
  })
  const beds = (offset: number) =>
    db().selectFrom('sessions').select(['booked', 'capacity']).where('id', '=', respiteNightId(HOME, night(offset))).executeTakeFirstOrThrow()

  it('takes a bed every night of a 3-night stay, waiting for staff when the care level is not yet assessed', async () => {
    const family = await devLogin(t.app, 'respite-family')
    const father = await addMember(t.app, family, { name: '赵建国', relation: '父亲', birthDate: '1942-05-01' })
    const res = await postBooking(t.app, family, stay(father.id, 3, 3))
    expect(res.statusCode).toBe(201)
    const booking = bookingSchema.parse(res.json())
    expect(booking).toMatchObject({ stay: { from: night(3), to: night(5), nights: 3 }, awaitingConfirmation: true })
    expect(booking.quote).toMatchObject({ originalFen: 3 * 12000 })
    expect(booking.quote.notes.join()).toContain('能力评估')
    for (const offset of [3, 4, 5]) expect((await beds(offset)).booked).toBe(1)
    expect((await beds(6)).booked).toBe(0)

    // Staff record the care level at the desk: the stay is confirmed.
    const staff = await devLogin(t.app, 'respite-staff')
    await grantStaff(db(), { user: 'dev:respite-staff', scopeKind: 'operator', scopeId: `${HOME}-operator`, grantedBy: 'test' }, t.clock.now())
    const assessed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/facilities/${HOME}/bookings/${booking.id}/care-level`,
      headers: staff,
      payload: { level: '轻度失能' },
    })
    expect(assessed.json()).toEqual({ confirmed: 1 })
    expect((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers: family })).json().awaitingConfirmation).toBe(false)
  })

  it('refuses a stay longer than the facility’s longest, and a younger member', async () => {
    const family = await devLogin(t.app, 'respite-long')
    const mother = await addMember(t.app, family, { birthDate: '1940-01-01' })
    const long = await postBooking(t.app, family, stay(mother.id, 3, 15))
    expect(long.statusCode).toBe(400)
    expect(errorOf(long.body)).toMatchObject({ field: 'throughDate' })
    expect(errorOf(long.body).message).toContain('14 天')
    const son = await addMember(t.app, family, { name: '李强', relation: '本人', birthDate: '1980-01-01' })
    expect((await postBooking(t.app, family, stay(son.id, 3, 2))).statusCode).toBe(400)
  })

  it('never puts more guests in a night than beds when overlapping stays race for the last bed', async () => {
    // 3 of 4 beds taken on nights 10–14; 20 families race for stays overlapping those nights.
    for (const offset of [10, 11, 12, 13, 14]) {
      await db().updateTable('sessions').set({ booked: 3 }).where('id', '=', respiteNightId(HOME, night(offset))).execute()
    }
    const families = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const family = await devLogin(t.app, `respite-race-${i}`)
        const elder = await addMember(t.app, family, { name: `老人${i}`, birthDate: '1938-01-01' })
        return { family, elder }
      }),
    )
    const responses = await Promise.all(
      families.map(({ family, elder }, i) => postBooking(t.app, family, stay(elder.id, 9 + (i % 4), 3))),
    )
    const booked = responses.filter((r) => r.statusCode === 201).map((r) => bookingSchema.parse(r.json()))
    for (const r of responses.filter((r) => r.statusCode !== 201)) expect(errorOf(r.body).code).toBe('full')
    expect(booked.length).toBeGreaterThanOrEqual(1)
    for (let offset = 9; offset <= 16; offset++) {
      const { booked: taken, capacity } = await beds(offset)
      expect(taken).toBeLessThanOrEqual(capacity)
      const units = await db()
        .selectFrom('booking_sessions as bs')
        .innerJoin('bookings as b', 'b.id', 'bs.booking_id')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('bs.units'), eb.lit(0)).as('n'))
        .where('bs.session_id', '=', respiteNightId(HOME, night(offset)))
        .where('b.status', '=', 'booked')
        .executeTakeFirstOrThrow()
      const seeded = offset >= 10 && offset <= 14 ? 3 : 0
      expect(Number(units.n) + seeded).toBe(taken)
    }
  })
})
