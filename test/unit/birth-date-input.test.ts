import { birthDateFromDigits, birthDateProblem } from '@/packages/member/edit/birth-date'
import { normalizeCode } from '@shared/staff'
import { typedDate, typedTime } from '@/lib/dates'

describe('a birth date as residents type it', () => {
  it('reads the number pad and the ways people write a date on paper', () => {
    for (const typed of ['19440302', '1944-3-2', '1944/3/2', '1944.03.02', '1944年3月2日', ' 1944 / 3 / 2 ']) {
      expect(birthDateFromDigits(typed)).toBe('1944-03-02')
    }
    for (const typed of ['1944', '44/3/2', '1944/3', '1944-03-02-01', '一九四四年']) expect(birthDateFromDigits(typed)).toBeUndefined()
  })

  it('says what is wrong on the day it is typed, with the rule the server applies', () => {
    const today = '2026-11-30'
    expect(birthDateProblem('', today)).toBeUndefined()
    expect(birthDateProblem('1944/3/2', today)).toBeUndefined()
    expect(birthDateProblem('19440230', today)).toBe('没有这一天，请核对年月日')
    expect(birthDateProblem('18000101', today)).toBe('出生日期不能早于 1900 年')
    expect(birthDateProblem('20261201', today)).toBe('出生日期不能晚于今天')
    expect(birthDateProblem('20261130', today)).toBeUndefined()
    expect(birthDateProblem('abc', today)).toBe('请按 年月日 填写 8 位数字，例如 19460302')
  })
})

describe('a date as staff type it (typedDate)', () => {
  it('reads full-width digits and separators from a Chinese keyboard', () => {
    expect(typedDate('２０２７－０１－３１')).toBe('2027-01-31')
    expect(typedDate('2027/1/31')).toBe('2027-01-31')
    expect(typedDate('2027-13')).toBeUndefined()
  })
})

describe('a time and a check-in code as staff type them', () => {
  it('reads a time of day in the forms a clerk types, half or full width', () => {
    for (const t of ['09:30', '9:30', '0930', '９：３０', ' 9:30 ']) expect(typedTime(t)).toBe('09:30')
    for (const t of ['24:00', '9:60', '930a', '9', '']) expect(typedTime(t)).toBeUndefined()
  })

  it('reads a code with full-width digits, spaces and dashes as the same eight digits', () => {
    expect(normalizeCode('８７８９－９４２６')).toBe('87899426')
    expect(normalizeCode('8789 9426')).toBe('87899426')
    expect(normalizeCode('8789\u30009426')).toBe('87899426')
  })
})
