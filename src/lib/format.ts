/** 350 → "350米", 1234 → "1.2公里". */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(0, Math.round(metres))}米`
  return `${(metres / 1000).toFixed(1)}公里`
}
