import { foldWeekdays, weekdaysLabel } from '../../server/prices/price-fold'

describe('a week of prices as a price board reads it', () => {
  it.each([
    [[0, 1, 2, 3, 4], '周一至周五'],
    [[5], '周六'],
    [[5, 6], '周六、周日'],
    [[0, 2, 4], '周一、周三、周五'],
    [[4, 0, 1, 2, 5, 6], '周一至周三、周五至周日'],
    [[0, 1, 2, 3, 4, 5, 6], '每天'],
  ])('names %j as %s', (days, label) => {
    expect(weekdaysLabel(days)).toBe(label)
  })

  const week = (prices: number[]) => prices.map((priceFen, weekday) => ({ base: 'day_care', label: '日间照料', weekday, priceFen }))

  it('reads one price for every day it is offered as that price, without days', () => {
    expect(foldWeekdays(week([3000, 3000, 3000]), (p) => String(p.priceFen)).map((f) => f.label)).toEqual(['日间照料'])
  })

  it('names the days of each price when they differ, and always in a history', () => {
    const folded = foldWeekdays(week([3000, 3000, 3000, 3000, 3000, 3500]), (p) => String(p.priceFen))
    expect(folded.map((f) => [f.label, f.priceFen])).toEqual([
      ['日间照料（周一至周五）', 3000],
      ['日间照料（周六）', 3500],
    ])
    expect(foldWeekdays(week([3000, 3000]), (p) => String(p.priceFen), { nameWholeWeek: true })[0].label).toBe('日间照料（周一、周二）')
  })

  it('leaves an item without weekdays (a rate) as it is', () => {
    expect(foldWeekdays([{ base: 'infant_rate:infant:hourly', label: '乳儿班 · 计时托', weekday: null }], () => '')).toEqual([
      { base: 'infant_rate:infant:hourly', label: '乳儿班 · 计时托', weekday: null, weekdays: [] },
    ])
  })
})
