// Days without school in 阎良区, for 儿童托管's holiday sessions: the statutory holidays (国务院办公厅 notices) and
// the school breaks of the district's education bureau. The 2027 breaks are the usual ones and are to be checked
// against the bureau's published calendar each term; staff can close or add days as for any session.
const HOLIDAY_RANGES: [from: string, to: string][] = [
  ['2026-10-01', '2026-10-07'], // 国庆节
  ['2027-01-01', '2027-01-03'], // 元旦
  ['2027-01-16', '2027-02-21'], // 寒假 (with 春节)
  ['2027-04-03', '2027-04-05'], // 清明节
  ['2027-05-01', '2027-05-05'], // 劳动节
  ['2027-07-10', '2027-08-31'], // 暑假
]

export function isSchoolHoliday(date: string): boolean {
  return HOLIDAY_RANGES.some(([from, to]) => date >= from && date <= to)
}

/** A school day: Monday to Friday, not in a holiday. */
export function isSchoolDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !isSchoolHoliday(date)
}
