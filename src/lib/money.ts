// Written once for the server's sentences and the client's labels.
export { formatFen } from '@shared/money'

/** A price typed in yuan ("32", "32.5", "32.50") in fen, or null when it is not one (letters, 12.345, empty). */
export function yuanToFen(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(trimmed)) return null
  return Math.round(Number(trimmed) * 100)
}
