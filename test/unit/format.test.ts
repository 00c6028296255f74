import { formatDistance } from '@/lib/format'

describe('formatDistance', () => {
  it.each([
    [0, '0米'],
    [349.6, '350米'],
    [999, '999米'],
    [1000, '1.0公里'],
    [12_345, '12.3公里'],
  ])('%d m reads %s', (metres, text) => {
    expect(formatDistance(metres)).toBe(text)
  })
})
