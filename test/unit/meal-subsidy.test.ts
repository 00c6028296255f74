import { quoteMeal } from '../../server/meals/meal-quote'
import { type Beneficiary, chooseTier, type SubsidyTier } from '../../server/meals/subsidy'

const tiers: SubsidyTier[] = [
  { name: '60—79 周岁老人', minAge: 60, maxAge: 79, category: null, amountFen: 700 },
  { name: '80 周岁及以上老人', minAge: 80, maxAge: null, category: null, amountFen: 900 },
  { name: '低保老人', minAge: 60, maxAge: null, category: 'dibao', amountFen: 1100 },
]
const HOME = 'xa-yanliang'
const person = (birthDate: string, extra: Partial<Beneficiary> = {}): Beneficiary => ({
  birthDate,
  districtId: HOME,
  subsidyCategory: null,
  subsidyVerified: false,
  ...extra,
})
const tierName = (p: Beneficiary | null, day: string) => chooseTier(tiers, p, day, HOME).tier?.name ?? null

describe('subsidy tiers by age on the service day', () => {
  it('moves from the 60—79 tier to 80+ on the 80th birthday', () => {
    expect(tierName(person('1946-11-28'), '2026-11-27')).toBe('60—79 周岁老人')
    expect(tierName(person('1946-11-28'), '2026-11-28')).toBe('80 周岁及以上老人')
  })

  it('starts at 60, and tells a younger resident when', () => {
    expect(tierName(person('1966-11-28'), '2026-11-28')).toBe('60—79 周岁老人')
    const young = chooseTier(tiers, person('1966-11-29'), '2026-11-28', HOME)
    expect(young.tier).toBeNull()
    expect(young.notes).toContain('年满 60 周岁可享受助餐补贴')
  })

  it('applies 低保 only once staff verified it', () => {
    const declared = person('1950-01-01', { subsidyCategory: 'dibao' })
    const pending = chooseTier(tiers, declared, '2026-11-28', HOME)
    expect(pending.tier?.name).toBe('60—79 周岁老人')
    expect(pending.notes).toContain('低保补贴待工作人员核实后生效')
    expect(tierName({ ...declared, subsidyVerified: true }, '2026-11-28')).toBe('低保老人')
  })

  it('applies only in the district the person lives in', () => {
    const elsewhere = chooseTier(tiers, person('1940-01-01', { districtId: 'xa-lintong' }), '2026-11-28', HOME)
    expect(elsewhere.tier).toBeNull()
    expect(chooseTier(tiers, person('1940-01-01', { districtId: null }), '2026-11-28', HOME).tier).toBeNull()
  })

  it('gives nothing without a birth date', () => {
    expect(chooseTier(tiers, null, '2026-11-28', HOME).tier).toBeNull()
  })
})

describe('the meal quote: 原价 / 补贴 / 个人支付', () => {
  const eighty = chooseTier(tiers, person('1940-01-01'), '2026-11-28', HOME)

  it('subsidises one portion of an order, never the delivery fee', () => {
    expect(
      quoteMeal({ unitPriceFen: 1200, quantity: 2, deliveryFeeFen: 300, delivered: true, choice: eighty, subsidyUsedThatDay: false }),
    ).toMatchObject({ originalFen: 2700, subsidyFen: 900, payableFen: 1800, tier: '80 周岁及以上老人', payAt: 'delivery' })
  })

  it('gives one subsidised meal a day: a second order that day pays the full price', () => {
    const second = quoteMeal({ unitPriceFen: 1200, quantity: 1, deliveryFeeFen: 0, delivered: false, choice: eighty, subsidyUsedThatDay: true })
    expect(second).toMatchObject({ originalFen: 1200, subsidyFen: 0, payableFen: 1200, tier: null })
    expect(second.notes.join()).toContain('每人每天限一份补贴餐')
  })

  it('never subsidises more than the price', () => {
    const dibao = chooseTier(tiers, person('1950-01-01', { subsidyCategory: 'dibao', subsidyVerified: true }), '2026-11-28', HOME)
    expect(quoteMeal({ unitPriceFen: 800, quantity: 1, deliveryFeeFen: 0, delivered: false, choice: dibao, subsidyUsedThatDay: false })).toMatchObject({
      subsidyFen: 800,
      payableFen: 0,
    })
  })
})
