import { homeRequestStatusWords } from '@shared/home-service'

// The resident (often 80 and over) and the clerk read an accepted visit's day as the page writes every other day.
describe('homeRequestStatusWords', () => {
  const accepted = (visitAt: string, bookingStatus: 'booked' | 'completed' = 'booked') =>
    homeRequestStatusWords({ status: 'accepted', visitAt, declineReason: null, bookingStatus, lapsed: false })

  it('says an accepted visit as 12月2日 周三 09:30, not 2026-12-02', () => {
    expect(accepted('2026-12-02T09:30:00+08:00')).toBe('已受理 12月2日 周三 09:30')
    expect(accepted('2027-01-01T17:00:00+08:00', 'completed')).toBe('已受理 1月1日 周五 17:00（已完成）')
  })

  it('says the other states in their own words', () => {
    const waiting = { status: 'requested', visitAt: null, declineReason: null, bookingStatus: null } as const
    expect(homeRequestStatusWords({ ...waiting, lapsed: false })).toBe('待受理')
    expect(homeRequestStatusWords({ ...waiting, lapsed: true })).toBe('待受理（希望的时间已过）')
    expect(homeRequestStatusWords({ status: 'declined', visitAt: null, declineReason: '本周已约满', bookingStatus: null, lapsed: false })).toBe('已婉拒：本周已约满')
  })
})
