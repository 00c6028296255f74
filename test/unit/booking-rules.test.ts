import { lastBookableDate, unbookableReason, type BookingRule } from '../../server/bookings/booking-rules'
import { shanghaiInstant } from '../../server/time/shanghai'
import { useTimeZone } from '../support/time-zone'

const rule: BookingRule = { horizonDays: 7, cutoffMinutes: 120, cancelMinutes: 120, maxUnits: 5, reminderMinutes: 120, maxRunDays: null, maxUnitsPerAccount: 10 }
const lunch = (date: string) => ({ date, startsAt: shanghaiInstant(date, '11:30'), open: true, remaining: 10 })

// The rules read instants and Shanghai days only; the process zone must not matter. Run them in both.
describe.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])('booking rules with the server in %s', (zone) => {
  useTimeZone(zone)

  it('takes lunch orders until 09:30 Shanghai time and not a minute later', () => {
    // 09:29 in Shanghai is 01:29 UTC.
    expect(unbookableReason(rule, lunch('2026-11-28'), new Date('2026-11-28T01:29:59.999Z'))).toBeUndefined()
    expect(unbookableReason(rule, lunch('2026-11-28'), new Date('2026-11-28T01:30:00.000Z'))).toBe('past_cutoff')
  })

  it('counts the horizon from the Shanghai day, which starts at 16:00 UTC', () => {
    // 2026-11-27 15:59 UTC is still the 27th in Shanghai: the 4th of December is day 7, the 5th is beyond.
    const evening = new Date('2026-11-27T15:59:00Z')
    expect(unbookableReason(rule, lunch('2026-12-04'), evening)).toBeUndefined()
    expect(unbookableReason(rule, lunch('2026-12-05'), evening)).toBe('beyond_horizon')
    expect(lastBookableDate(rule, evening)).toBe('2026-12-04')
    // One minute later it is the 28th in Shanghai and the 5th comes into reach.
    const midnight = new Date('2026-11-27T16:00:00Z')
    expect(unbookableReason(rule, lunch('2026-12-05'), midnight)).toBeUndefined()
    expect(lastBookableDate(rule, midnight)).toBe('2026-12-05')
  })

  it('refuses more units than remain, and a closed session first', () => {
    const now = new Date('2026-11-27T02:00:00Z')
    expect(unbookableReason(rule, { ...lunch('2026-11-28'), remaining: 2 }, now, 2)).toBeUndefined()
    expect(unbookableReason(rule, { ...lunch('2026-11-28'), remaining: 2 }, now, 3)).toBe('full')
    expect(unbookableReason(rule, { ...lunch('2026-11-28'), remaining: 0 }, now)).toBe('full')
    expect(unbookableReason(rule, { ...lunch('2026-11-28'), open: false }, now)).toBe('closed')
  })

  it('supports a cut-off the evening before: 18:00 for a 07:00 breakfast is 780 minutes', () => {
    const evening: BookingRule = { ...rule, cutoffMinutes: 780 }
    const breakfast = { date: '2026-11-28', startsAt: shanghaiInstant('2026-11-28', '07:00'), open: true, remaining: 5 }
    expect(unbookableReason(evening, breakfast, new Date('2026-11-27T09:59:00Z'))).toBeUndefined() // 17:59
    expect(unbookableReason(evening, breakfast, new Date('2026-11-27T10:00:00Z'))).toBe('past_cutoff') // 18:00
  })
})
