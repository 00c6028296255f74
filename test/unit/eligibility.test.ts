import { ageWords, serviceEligibility } from '@shared/eligibility'

// Who each service takes, by age on the service day: one rule for the server and the booking pages' pickers.
describe('service eligibility', () => {
  const day = '2026-12-02'
  const person = (name: string, birthDate: string | null) => ({ name, birthDate })

  it('takes 6 to 36 months for 托育 and says an older child’s age in years, not "101 个月"', () => {
    expect(serviceEligibility('infant_care', person('小宝', '2025-06-01'), day)).toEqual({ eligible: true })
    expect(serviceEligibility('infant_care', person('小小宝', '2026-08-01'), day)).toEqual({
      eligible: false,
      reason: '托育只接收 6 到 36 个月的孩子；小小宝是 4 个月',
    })
    expect(serviceEligibility('infant_care', person('张小明', '2018-08-15'), day)).toEqual({
      eligible: false,
      reason: '托育只接收 6 到 36 个月的孩子；张小明是 8 岁',
    })
  })

  it('takes school age (6 to 13) for 托管: a toddler is not', () => {
    expect(serviceEligibility('after_school', person('张小明', '2018-08-15'), day).eligible).toBe(true)
    expect(serviceEligibility('after_school', person('张小宝', '2024-06-01'), day)).toEqual({
      eligible: false,
      reason: '儿童托管接收 6 到 13 周岁的孩子；张小宝是 30 个月',
    })
    // The sixth birthday itself counts.
    expect(serviceEligibility('after_school', person('生日', '2020-12-02'), day).eligible).toBe(true)
    expect(serviceEligibility('after_school', person('前一天', '2020-12-03'), day).eligible).toBe(false)
  })

  it('takes 60 and over for 日间照料 and 短期托养, anyone for 助餐, and asks for a birth date first', () => {
    expect(serviceEligibility('respite', person('王秀英', '1944-03-02'), day).eligible).toBe(true)
    expect(serviceEligibility('day_care', person('李雨', '1992-05-01'), day)).toEqual({
      eligible: false,
      reason: '日间照料为 60 周岁及以上的老人提供；李雨是 34 岁',
    })
    expect(serviceEligibility('meal', person('李雨', null), day).eligible).toBe(true)
    expect(serviceEligibility('respite', person('王秀英', null), day)).toEqual({ eligible: false, reason: '王秀英还没有填写出生日期' })
  })

  it('says ages as parents do', () => {
    expect(ageWords('2025-06-01', day)).toBe('18 个月')
    expect(ageWords('2018-08-15', day)).toBe('8 岁')
  })
})
