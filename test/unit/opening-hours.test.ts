import { openStateAt, weekdaysOf } from '../../server/facilities/opening-hours'

const at = (iso: string) => new Date(iso)
const DAILY = [{ days: '周一至周日', opens: '08:00', closes: '20:00' }]
const WEEKDAYS = [
  { days: '周一至周五', opens: '08:30', closes: '12:00' },
  { days: '周一至周五', opens: '14:00', closes: '17:30' },
]

describe('opening hours as the district writes them', () => {
  it('reads ranges, lists and words', () => {
    expect([...weekdaysOf('周一至周五')]).toEqual([1, 2, 3, 4, 5])
    expect([...weekdaysOf('周六、周日')]).toEqual([6, 7])
    expect([...weekdaysOf('周五至周一')].sort()).toEqual([1, 5, 6, 7])
    expect(weekdaysOf('每天').size).toBe(7)
    expect([...weekdaysOf('周末')]).toEqual([6, 7])
    expect(weekdaysOf('节假日另行通知').size).toBe(0)
  })
})

describe('open now, in Shanghai whatever the server zone', () => {
  it('is 营业中 inside the hours and says when it closes', () => {
    expect(openStateAt(DAILY, at('2026-12-02T09:00:00+08:00'))).toEqual({
      status: 'open',
      label: '营业中',
      todayHours: '08:00–20:00',
      next: '20:00 休息',
    })
  })

  it('is 已休息 at closing time and before opening, with when it opens', () => {
    expect(openStateAt(DAILY, at('2026-12-02T20:00:00+08:00'))).toMatchObject({ label: '已休息', next: '明天 08:00 开门' })
    // 07:30 in Shanghai is 23:30 UTC the day before.
    expect(openStateAt(DAILY, at('2026-12-01T23:30:00Z'))).toMatchObject({ label: '已休息', next: '今天 08:00 开门' })
  })

  it('is 已休息 over lunch and at the weekend when only weekdays are open', () => {
    expect(openStateAt(WEEKDAYS, at('2026-12-02T12:30:00+08:00'))).toMatchObject({
      label: '已休息',
      todayHours: '08:30–12:00、14:00–17:30',
      next: '今天 14:00 开门',
    })
    // Saturday 5 December 2026: next open on Monday.
    expect(openStateAt(WEEKDAYS, at('2026-12-05T10:00:00+08:00'))).toMatchObject({ label: '已休息', todayHours: null, next: '周一 08:30 开门' })
  })

  it('says 未开放 of a reserve project, whatever hours it carries', () => {
    expect(openStateAt(DAILY, at('2026-12-02T09:00:00+08:00'), true)).toMatchObject({ status: 'not_open', label: '未开放' })
  })
})
