// The instants `npm test` runs the time-sensitive suites at (DOORSTEP_TEST_NOW; test/support/clock.ts): each is a
// day or hour where a rule that read the wrong clock, the wrong zone or the wrong calendar would break.
export const CLOCK_INSTANTS = [
  // Shanghai is past midnight while UTC is still on the previous day (and the last day of February).
  { name: 'utc-yesterday', instant: '2027-03-01T07:45:00+08:00' },
  // A late evening: tomorrow's care cut-offs (18:00) have passed, tomorrow's lunch (09:30) has not.
  { name: 'late-evening', instant: '2026-12-15T23:30:00+08:00' },
  // New Year's Eve turning into 元旦 at midnight, a public holiday.
  { name: 'new-year', instant: '2027-01-01T00:00:00+08:00' },
  // Inside the Spring Festival holiday and the school winter break.
  { name: 'spring-festival', instant: '2027-02-08T09:00:00+08:00' },
  // A weekend morning.
  { name: 'weekend', instant: '2027-06-12T10:00:00+08:00' },
  // A month's last day, the evening before 劳动节.
  { name: 'month-end', instant: '2027-04-30T20:00:00+08:00' },
]
