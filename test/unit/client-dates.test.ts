import { addDays, dayAndClock, dayLabel, dayName, shanghaiToday } from '../../src/lib/dates'
import { useTimeZone } from '../support/time-zone'

// What the app shows for a service day must not depend on the zone the phone or the desk's tablet is set to.
describe.each(['Asia/Shanghai', 'UTC', 'America/Los_Angeles'])('the client’s days on a device in %s', (zone) => {
  useTimeZone(zone)

  it('names a day by its text, never the day before', () => {
    expect(dayName('2026-12-02')).toBe('12月2日 周三')
    expect(dayLabel('2026-12-02', '2026-12-02')).toBe('今天 12月2日 周三')
    expect(dayLabel('2026-12-03', '2026-12-02')).toBe('明天 12月3日 周四')
    expect(dayLabel('2027-02-08', '2027-02-06')).toBe('后天 2月8日 周一')
    expect(dayLabel('2026-12-01', '2026-12-02')).toBe('12月1日 周二')
  })

  it('takes today from Xi’an’s clock and counts days across a month, a year and a daylight-saving change', () => {
    expect(shanghaiToday(Date.parse('2026-12-01T23:00:00Z'))).toBe('2026-12-02')
    expect(shanghaiToday(Date.parse('2026-12-01T15:59:59Z'))).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-03-14', 1)).toBe('2027-03-15')
    expect(addDays('2026-12-01', -1)).toBe('2026-11-30')
  })
})

describe('an instant as a clerk or resident reads it', () => {
  it('shows Shanghai wall time whether the instant is written in +08:00 or in UTC', () => {
    expect(dayAndClock('2026-12-01T02:51:00+08:00')).toBe('12月1日 02:51')
    expect(dayAndClock('2026-11-30T18:51:28.154Z')).toBe('12月1日 02:51')
  })
})
