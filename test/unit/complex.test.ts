import { isServiceComplex } from '../../server/facilities/complex'

describe('isServiceComplex (导则: ≥ 600 ㎡, ≥ 3 functions, ≥ 2 standard)', () => {
  it('accepts the smallest qualifying facility', () => {
    expect(isServiceComplex(600, ['elderly_care', 'meal', 'culture'])).toBe(true)
  })

  it('refuses below 600 ㎡', () => {
    expect(isServiceComplex(599, ['elderly_care', 'meal', 'culture'])).toBe(false)
  })

  it('refuses fewer than three functions, counting each once', () => {
    expect(isServiceComplex(900, ['elderly_care', 'meal'])).toBe(false)
    expect(isServiceComplex(900, ['elderly_care', 'meal', 'meal'])).toBe(false)
  })

  it('refuses fewer than two standard functions', () => {
    expect(isServiceComplex(900, ['elderly_care', 'culture', 'health', 'fitness'])).toBe(false)
    expect(isServiceComplex(900, ['infant_care', 'child_care', 'health'])).toBe(true)
  })
})
