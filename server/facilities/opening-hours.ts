import type { OpeningHours, OpenState } from '@shared/facility'
import { addDays, shanghaiDate } from '../time/shanghai'

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日']

/**
 * The weekdays (1 Monday … 7 Sunday) a row of opening hours names, as the district writes them: 周一至周五, 周六、周日,
 * 周一至周日, 每天, 工作日, 周末. A row we cannot read opens on no day (never shown open by mistake).
 */
export function weekdaysOf(days: string): Set<number> {
  const text = days.replace(/\s/g, '')
  if (/^(每天|每日|全天|周一至周日)$/.test(text)) return new Set([1, 2, 3, 4, 5, 6, 7])
  if (text === '工作日') return new Set([1, 2, 3, 4, 5])
  if (text === '周末') return new Set([6, 7])
  const result = new Set<number>()
  for (const part of text.split(/[、，,]/)) {
    const range = part.match(/^(?:周|星期)([一二三四五六日天])(?:至|到|-|–|~)(?:周|星期)?([一二三四五六日天])$/)
    if (range) {
      const [from, to] = [dayIndex(range[1]), dayIndex(range[2])]
      for (let d = from; ; d = (d % 7) + 1) {
        result.add(d)
        if (d === to) break
      }
      continue
    }
    const single = part.match(/^(?:周|星期)([一二三四五六日天])$/)
    if (single) result.add(dayIndex(single[1]))
  }
  return result
}

const dayIndex = (name: string): number => (name === '天' ? 7 : WEEKDAY_NAMES.indexOf(name) + 1)

/** ISO weekday (1 Monday … 7 Sunday) of a 'YYYY-MM-DD'. */
const weekdayOf = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

const OFFSET_MS = 8 * 3_600_000
/** 'HH:MM' of an instant in Asia/Shanghai. */
const shanghaiClock = (instant: Date): string => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16)

/**
 * Whether a facility is open at an instant (Asia/Shanghai), from its published hours: 营业中 until its closing time
 * today, else 已休息 with when it next opens (later today, 明天, or the weekday within a week). A reserve project
 * (not built yet) is 未开放. The list and the detail page say the same, from the server's clock.
 */
export function openStateAt(hours: OpeningHours[], now: Date, isReserve = false): OpenState {
  if (isReserve) return { status: 'not_open', label: '未开放', todayHours: null, next: null }
  const today = shanghaiDate(now)
  const clock = shanghaiClock(now)
  const rowsOn = (date: string) =>
    hours.filter((h) => weekdaysOf(h.days).has(weekdayOf(date))).sort((a, b) => a.opens.localeCompare(b.opens))
  const todays = rowsOn(today)
  const todayHours = todays.length ? todays.map((h) => `${h.opens}–${h.closes}`).join('、') : null
  const current = todays.find((h) => h.opens <= clock && clock < h.closes)
  if (current) return { status: 'open', label: '营业中', todayHours, next: `${current.closes} 休息` }
  const laterToday = todays.find((h) => clock < h.opens)
  if (laterToday) return { status: 'closed', label: '已休息', todayHours, next: `今天 ${laterToday.opens} 开门` }
  for (let ahead = 1; ahead <= 7; ahead++) {
    const date = addDays(today, ahead)
    const [first] = rowsOn(date)
    if (first) {
      const day = ahead === 1 ? '明天' : `周${WEEKDAY_NAMES[weekdayOf(date) - 1]}`
      return { status: 'closed', label: '已休息', todayHours, next: `${day} ${first.opens} 开门` }
    }
  }
  return { status: 'closed', label: '已休息', todayHours, next: null }
}
