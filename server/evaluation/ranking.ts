/** What a facility × function needs in a period to be ranked: the district's data (`evaluation_settings`). */
export interface RankMinimum {
  /** Bookings placed (not cancelled): the sample of utilisation, completion and no-shows. */
  bookings: number
  /** Ratings: the sample of satisfaction, the score and willingness. */
  ratings: number
}

/**
 * Why a row has too little data to be ranked, or null when it has enough.
 *
 * The composite weighs two kinds of metric, and each needs its own sample: the use metrics come from bookings and
 * the opinion metrics (60 % of the seeded weights) from ratings. Below either minimum the composite is made of one
 * or two services and of whichever metrics happen to have data, so it cannot be compared with a facility measured
 * on all of them: a facility with two 非常满意 outranked one rated by forty residents, and facilities nobody used
 * scored 0 and ranked below one whose only rating was a 差评. Ratings follow completed bookings, so their minimum also bounds completed services. Whatever the
 * district sets, a row needs at least one booking and one rating: no data is never a score. The seeded minimums
 * (5 bookings, 3 ratings a period) are low on purpose: the adjusted score already draws a small sample toward the
 * district's mean, so the minimum only has to keep a row of one or two services out of the ranking.
 */
export function insufficientDataReason(counts: { bookings: number; ratings: number }, minimum: RankMinimum): string | null {
  const bookings = Math.max(1, minimum.bookings)
  const ratings = Math.max(1, minimum.ratings)
  const short: string[] = []
  if (counts.bookings < bookings) short.push(`预约 ${counts.bookings} 次，少于 ${bookings} 次`)
  if (counts.ratings < ratings) short.push(`评价 ${counts.ratings} 条，少于 ${ratings} 条`)
  return short.length > 0 ? `数据不足：本期${short.join('；')}` : null
}

interface Rankable {
  composite: number | null
  facilityName: string
  insufficientData: boolean
}

const pinyin = new Intl.Collator('zh-CN')
const byName = (a: Rankable, b: Rankable) => pinyin.compare(a.facilityName, b.facilityName)

/**
 * Standard competition ranking by composite, best first, among the rows with enough data: ties share a rank and the
 * next rank skips (1, 2, 2, 4). Rows with too little data (or no composite) are not ranked and come after, by name —
 * their composite says nothing about their place, so it does not order them either.
 */
export function rank<T extends Rankable>(rows: T[]): (T & { rank: number | null })[] {
  const rankable = (r: T) => !r.insufficientData && r.composite !== null
  const ranked = rows.filter(rankable).sort((a, b) => (b.composite ?? 0) - (a.composite ?? 0) || byName(a, b))
  const unranked = rows.filter((r) => !rankable(r)).sort(byName)
  let previous: number | null = null
  let previousRank = 0
  return [
    ...ranked.map((row, i) => {
      const r = row.composite === previous ? previousRank : i + 1
      previous = row.composite
      previousRank = r
      return { ...row, rank: r }
    }),
    ...unranked.map((row) => ({ ...row, rank: null })),
  ]
}
