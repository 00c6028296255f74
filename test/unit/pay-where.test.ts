import { payWhere } from '@shared/booking'

describe('where a quote is paid', () => {
  it('is the counter unless the meal is delivered', () => {
    expect(payWhere({})).toBe('到店付')
    expect(payWhere({ payAt: 'counter' })).toBe('到店付')
    expect(payWhere({ payAt: 'delivery' })).toBe('送餐时付')
  })
})
