import { heldServiceName, placeClaims } from '../../server/bookings/place-claims'

const slotsOf = (fn: string, part: string) => placeClaims('member:m-1', fn, [{ id: 's-1', date: '2026-12-07', part }]).map((c) => c.slot)
const overlap = (fn: string, a: string, b: string) => slotsOf(fn, a).some((slot) => slotsOf(fn, b).includes(slot))

// 一人一位: which parts of a day a booking holds decides what else the same person may book that day.
describe('the places a booking holds', () => {
  it('holds both halves of a full day, so a half day or an after-school afternoon overlaps it', () => {
    expect(slotsOf('infant_care', 'full_day')).toEqual(['afternoon', 'morning'])
    expect(overlap('child_care', 'full_day', 'afternoon')).toBe(true)
    expect(overlap('infant_care', 'full_day', 'full_day')).toBe(true)
  })

  it('keeps each meal apart, and a respite night apart from the day place', () => {
    expect(overlap('meal', 'lunch', 'dinner')).toBe(false)
    expect(overlap('meal', 'breakfast', 'lunch')).toBe(false)
    expect(overlap('meal', 'lunch', 'lunch')).toBe(true)
    expect(overlap('elderly_care', 'full_day', 'night')).toBe(false)
  })

  it('claims every day of a run for the person and the service, in one order', () => {
    const run = [
      { id: 's-2', date: '2026-12-08', part: 'full_day' },
      { id: 's-1', date: '2026-12-07', part: 'full_day' },
    ]
    expect(placeClaims('member:m-1', 'infant_care', run)).toEqual([
      { beneficiary: 'member:m-1', functionCode: 'infant_care', serviceDate: '2026-12-07', slot: 'afternoon' },
      { beneficiary: 'member:m-1', functionCode: 'infant_care', serviceDate: '2026-12-07', slot: 'morning' },
      { beneficiary: 'member:m-1', functionCode: 'infant_care', serviceDate: '2026-12-08', slot: 'afternoon' },
      { beneficiary: 'member:m-1', functionCode: 'infant_care', serviceDate: '2026-12-08', slot: 'morning' },
    ])
  })

  it("gives each activity's day a slot of its own: the same class twice overlaps, two classes of a day do not", () => {
    const morning = placeClaims('member:m-1', 'culture', [{ id: 's-am', date: '2026-12-07', part: 'activity' }])
    const again = placeClaims('member:m-1', 'culture', [{ id: 's-am', date: '2026-12-07', part: 'activity' }])
    const afternoon = placeClaims('member:m-1', 'culture', [{ id: 's-pm', date: '2026-12-07', part: 'activity' }])
    expect(again).toEqual(morning)
    expect(afternoon[0].slot).not.toBe(morning[0].slot)
  })

  it('names the booking held in the words of its service, as its notices do', () => {
    expect(heldServiceName('meal', 'lunch', '{}')).toBe('午餐')
    expect(heldServiceName('infant_care', 'full_day', JSON.stringify({ care: { type: 'half_day', half: 'morning', days: [] } }))).toBe('半日托（上午）')
    expect(heldServiceName('infant_care', 'full_day', JSON.stringify({ care: { days: [] } }))).toBe('全日托')
    expect(heldServiceName('elderly_care', 'full_day', '{}')).toBe('日间照料')
    expect(heldServiceName('elderly_care', 'night', '{}')).toBe('短期托养')
    expect(heldServiceName('child_care', 'afternoon', '{}')).toBe('放学后托管')
    expect(heldServiceName('child_care', 'full_day', '{}')).toBe('假期托管')
  })
})
