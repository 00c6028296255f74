import { infantClassOn, monthsOld } from '../../server/care/infant-class'

describe('the class a child is in on a service day (托育机构设置标准)', () => {
  it('counts full months, the monthly birthday included', () => {
    expect(monthsOld('2025-03-10', '2026-03-09')).toBe(11)
    expect(monthsOld('2025-03-10', '2026-03-10')).toBe(12)
    expect(monthsOld('2025-01-31', '2025-02-28')).toBe(0)
  })

  it.each([
    ['2025-11-10', '2026-05-09', undefined], // 5 months: too young
    ['2025-11-10', '2026-05-10', '乳儿班'], // 6 months
    ['2025-03-10', '2026-03-09', '乳儿班'], // 11 months
    ['2025-03-10', '2026-03-10', '托小班'], // 12 months
    ['2024-03-10', '2026-03-09', '托小班'], // 23 months
    ['2024-03-10', '2026-03-10', '托大班'], // 24 months
    ['2023-03-10', '2026-03-09', '托大班'], // 35 months
    ['2023-03-10', '2026-03-10', undefined], // 36 months: too old
  ])('born %s, on %s → %s', (birth, day, name) => {
    expect(infantClassOn(birth, day)?.name).toBe(name)
  })
})
