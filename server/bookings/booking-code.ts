import { randomInt } from 'node:crypto'

/**
 * The check-in code: 8 random digits from a CSPRNG. Digits are what an elderly resident reads aloud most
 * easily over the counter or the phone; 10⁸ codes make guessing a live one hopeless, and check-in is further
 * limited to the facility's own staff. Uniqueness is the database's (unique index; the caller retries).
 */
export function newBookingCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0')
}
