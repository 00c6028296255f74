import { addDays, shanghaiDate } from '../../server/time/shanghai'

/**
 * The instant the suites run "at". `DOORSTEP_TEST_NOW` (an ISO instant, e.g. 2027-02-10T23:30:00+08:00) pins it:
 * `.ci/run` runs the time-sensitive suites again at several such instants, so no test may depend on the day it
 * runs. Unset, it is the wall clock, which explores a new instant every day.
 */
export function suiteInstant(): Date {
  const pinned = process.env.DOORSTEP_TEST_NOW
  if (!pinned) return new Date()
  const instant = new Date(pinned)
  if (Number.isNaN(instant.getTime())) throw new Error(`DOORSTEP_TEST_NOW is not an instant: ${pinned}`)
  return instant
}

/**
 * The clock a test app reads. It starts at the suite's instant and runs on in real time, so what a test does one
 * thing after another stays in order. `set` stops it at an instant (a cut-off to the millisecond stays put while
 * the request is served), `advance` moves it on, `reset` lets it run again from where it started.
 */
export class TestClock {
  private readonly startOffsetMs: number
  private offsetMs: number
  private stoppedAt: number | null = null

  constructor(start: Date = suiteInstant()) {
    this.startOffsetMs = start.getTime() - Date.now()
    this.offsetMs = this.startOffsetMs
  }

  readonly now = (): Date => new Date(this.stoppedAt ?? Date.now() + this.offsetMs)

  set(instant: Date | string): void {
    this.stoppedAt = new Date(instant).getTime()
  }

  advance(ms: number): void {
    if (this.stoppedAt !== null) this.stoppedAt += ms
    else this.offsetMs += ms
  }

  reset(): void {
    this.stoppedAt = null
    this.offsetMs = this.startOffsetMs
  }

  /** Today in Asia/Shanghai, or the day `days` from it. */
  today(days = 0): string {
    return addDays(shanghaiDate(this.now()), days)
  }
}
