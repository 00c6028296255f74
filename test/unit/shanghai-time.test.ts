import { addDays, ageOn, shanghaiDate, shanghaiInstant, toShanghaiIso } from '../../server/time/shanghai'

describe('Asia/Shanghai service days', () => {
  it('turns the day at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27')
    expect(shanghaiDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28')
  })

  it('writes wall-clock times as instants and back', () => {
    expect(shanghaiInstant('2026-11-28', '11:30').toISOString()).toBe('2026-11-28T03:30:00.000Z')
    expect(toShanghaiIso('2026-11-28T03:30:00.000Z')).toBe('2026-11-28T11:30:00+08:00')
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
  })

  it('counts age in full years, the birthday included', () => {
    expect(ageOn('1946-11-28', '2026-11-27')).toBe(79)
    expect(ageOn('1946-11-28', '2026-11-28')).toBe(80)
    expect(ageOn('1946-12-01', '2026-11-30')).toBe(79)
  })
})
