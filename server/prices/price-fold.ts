import { WEEKDAY_NAMES } from '@shared/schedule'

// A week of prices read as a resident reads a price board: what costs the same on several days is one line, named
// by its days (周一至周五), and by none when it is the same every day it is offered.

/** 0–4 → 周一至周五, [5] → 周六, [0, 2, 4] → 周一、周三、周五, all seven → 每天. */
export function weekdaysLabel(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b)
  if (days.length === 7) return '每天'
  const runs: number[][] = []
  for (const d of days) {
    const run = runs.at(-1)
    if (run && run.at(-1) === d - 1) run.push(d)
    else runs.push([d])
  }
  return runs
    .map((run) => (run.length >= 3 ? `${WEEKDAY_NAMES[run[0]]}至${WEEKDAY_NAMES[run.at(-1) as number]}` : run.map((d) => WEEKDAY_NAMES[d]).join('、')))
    .join('、')
}

export interface Foldable {
  /** The item without its weekday. */
  base: string
  label: string
  weekday: number | null
}

/**
 * Folds the entries of each base item that agree on `same` (price, since when …) into one, labelled with their
 * weekdays — unless they are all the entries the base item has and `nameWholeWeek` is off (a price list: the same
 * every day it is offered). Keeps the order of first appearance.
 */
export function foldWeekdays<T extends Foldable>(
  entries: readonly T[],
  same: (entry: T) => string,
  { nameWholeWeek = false } = {},
): (T & { weekdays: number[] })[] {
  const days = new Map<string, number>()
  for (const e of entries) days.set(e.base, (days.get(e.base) ?? 0) + 1)
  const folds = new Map<string, T & { weekdays: number[] }>()
  for (const e of entries) {
    const key = `${e.base}|${same(e)}`
    const fold = folds.get(key)
    if (fold) {
      if (e.weekday !== null) fold.weekdays.push(e.weekday)
    } else {
      folds.set(key, { ...e, weekdays: e.weekday === null ? [] : [e.weekday] })
    }
  }
  return [...folds.values()].map((f) =>
    f.weekdays.length === 0 || (!nameWholeWeek && f.weekdays.length === days.get(f.base)) ? f : { ...f, label: `${f.label}（${weekdaysLabel(f.weekdays)}）` },
  )
}
