import { addWorkingDays, isWorkingDay } from '../../server/calendar/working-days'
import { CALENDAR_DAYS } from '../../server/db/seed/district-rules'

const calendar = new Map(CALENDAR_DAYS.map((d) => [d.date, d.kind]))

describe('working days on the State Council calendar', () => {
  it('skips weekends and public holidays, and counts weekend days worked in their place', () => {
    expect(isWorkingDay('2026-10-05', calendar)).toBe(false) // 国庆, a Monday
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true) // 国庆调休, a Saturday
    expect(isWorkingDay('2026-10-11', calendar)).toBe(false) // an ordinary Sunday
    expect(isWorkingDay('2026-10-12', calendar)).toBe(true)
  })

  it('puts 15 working days from Monday 28 December 2026 on 19 January 2027, past 元旦', () => {
    expect(addWorkingDays('2026-12-28', 15, calendar)).toBe('2027-01-19')
    expect(addWorkingDays('2026-12-28', 15, new Map())).toBe('2027-01-18')
  })

  it('puts 15 working days from 28 September 2026 on 23 October, across 国庆 and its Saturday worked', () => {
    expect(addWorkingDays('2026-09-28', 15, calendar)).toBe('2026-10-23')
  })

  it('does not count the day itself', () => {
    expect(addWorkingDays('2026-12-04', 1, calendar)).toBe('2026-12-07')
  })
})
