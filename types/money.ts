/** 1200 → "12 元", 1050 → "10.50 元": whole yuan without decimals, the way prices are posted at the counter. */
export function formatFen(fen: number): string {
  const yuan = fen / 100
  return `${Number.isInteger(yuan) ? yuan : yuan.toFixed(2)} 元`
}
