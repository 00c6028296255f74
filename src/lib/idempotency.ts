/** A fresh key for one booking attempt; the page keeps it for retries of that attempt. */
export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `tap-${Date.now().toString(36)}-${random}`
}
