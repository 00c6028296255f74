import { DIMENSION_NAMES, RATING_DIMENSIONS, type Rating } from '@shared/rating'

/** The scores given, in words: 「服务态度 5 分　价格合理 4 分」, or 「未分项打分」 when none was (they are optional). */
export function scoreLine(scores: Rating['scores'], unit: string): string {
  const given = RATING_DIMENSIONS.filter((d) => scores[d] !== null).map((d) => `${DIMENSION_NAMES[d]} ${scores[d]}${unit}`)
  return given.length ? given.join('　') : '未分项打分'
}
