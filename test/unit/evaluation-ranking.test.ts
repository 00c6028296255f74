import { periodName } from '@shared/evaluation'
import { periodEnded } from '../../server/evaluation/period'
import { insufficientDataReason, rank } from '../../server/evaluation/ranking'

const minimum = { bookings: 5, ratings: 3 }
const row = (facilityName: string, composite: number | null, insufficientData = false) => ({ facilityName, composite, insufficientData })
const ranks = (rows: ReturnType<typeof row>[]) => rank(rows).map((r) => [r.facilityName, r.rank])

describe('who has enough data to be ranked', () => {
  it('needs the district’s minimum of bookings and of ratings, exactly at the minimum', () => {
    expect(insufficientDataReason({ bookings: 5, ratings: 3 }, minimum)).toBeNull()
    expect(insufficientDataReason({ bookings: 40, ratings: 30 }, minimum)).toBeNull()
    expect(insufficientDataReason({ bookings: 4, ratings: 3 }, minimum)).toBe('数据不足：本期预约 4 次，少于 5 次')
    expect(insufficientDataReason({ bookings: 9, ratings: 2 }, minimum)).toBe('数据不足：本期评价 2 条，少于 3 条')
    expect(insufficientDataReason({ bookings: 0, ratings: 0 }, minimum)).toBe('数据不足：本期预约 0 次，少于 5 次；评价 0 条，少于 3 条')
  })

  it('never ranks a row without any booking or rating, whatever minimum a district sets', () => {
    expect(insufficientDataReason({ bookings: 0, ratings: 0 }, { bookings: 0, ratings: 0 })).toBe(
      '数据不足：本期预约 0 次，少于 1 次；评价 0 条，少于 1 条',
    )
  })
})

describe('ranking', () => {
  it('ranks ties together and skips the next rank; rows without a score come last unranked', () => {
    expect(ranks([row('乙', 80), row('甲', 90), row('丙', 80), row('丁', null), row('戊', 70)])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['戊', 4],
      ['丁', null],
    ])
  })

  it('leaves rows with too little data unranked and after every ranked row, whatever their composite', () => {
    // 红旗, with data and a poor score, is ranked; the others, with a better composite from one or two services, are not.
    expect(ranks([row('佳苑', 96, true), row('红旗', 12), row('航空二路', 0, true), row('人民东路', 40)])).toEqual([
      ['人民东路', 1],
      ['红旗', 2],
      ['航空二路', null],
      ['佳苑', null],
    ])
  })

  it('ranks nobody when nobody has enough data: no tie at 1 among facilities without data', () => {
    expect(ranks([row('佳苑', 0, true), row('红旗', 0, true), row('航空二路', 0, true)]).map(([, r]) => r)).toEqual([null, null, null])
  })

  it('lists the unranked rows by name, not by a composite that means nothing for them', () => {
    expect(ranks([row('人民东路', 90, true), row('航空二路', 10, true)]).map(([name]) => name)).toEqual(['航空二路', '人民东路'])
  })
})

describe('periods', () => {
  it('has ended only from the day after its last day (Asia/Shanghai days)', () => {
    expect(periodEnded('2026-Q4', '2026-12-31')).toBe(false)
    expect(periodEnded('2026-Q4', '2027-01-01')).toBe(true)
    expect(periodEnded('2026-11', '2026-11-30')).toBe(false)
    expect(periodEnded('2026-11', '2026-12-01')).toBe(true)
    expect(periodEnded('2026', '2026-12-31')).toBe(false)
    expect(periodEnded('2026-02', '2026-03-01')).toBe(true)
  })

  it('names a period as an official would write it', () => {
    expect(periodName('2026-Q3')).toBe('2026 年第三季度')
    expect(periodName('2026-11')).toBe('2026 年 11 月')
    expect(periodName('2026-02')).toBe('2026 年 2 月')
    expect(periodName('2026')).toBe('2026 年')
  })
})
