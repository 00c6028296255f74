import type { SessionPart } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { Kysely, Transaction } from 'kysely'
import type { Database, SessionRow, UserRow } from '../db/schema'
import { together } from '../db/together'
import { isDeskAccount } from '../staff/desk-account'
import type { Take } from './booking-plan'
import type { BookingRule } from './booking-rules'
import { AccountLimitError } from './booking.errors'
import { accountUnits, takeAccountUnits } from './account-units.repository'
import { refusedAs } from './refused-write'

/**
 * The most one account may hold of one session over all its orders (`booking_rules.max_units_per_account`, the
 * district's per service): without it one phone ordering 5 lunches for each of 8 family members empties a kitchen
 * in a second. Each person still holds one place (place-claims.ts) of at most `max_units` per order.
 *
 * A facility desk's account is not counted: it holds the many residents without a smartphone whom staff book
 * for — 30 walk-ins at one lunch is an ordinary day — each of them still one person with one place, and the
 * desk is the facility's own staff, who set the capacity in the first place.
 */
export function countsForAccount(booker: UserRow): boolean {
  return !isDeskAccount(booker)
}

/** What a request adds to its account: the units of each session (`takes`) of its `run`, under its `rule`. */
export interface AccountShare {
  booker: UserRow
  rule: BookingRule
  takes: Take[]
  run: SessionRow[]
}

/** What an account holds of these days, read ahead of its check (undefined for an account not counted). */
export function accountHolds(db: Kysely<Database>, booker: UserRow, days: SessionRow[]): Promise<Map<string, number>> | undefined {
  return countsForAccount(booker) ? accountUnits(db, booker.id, days.map((d) => d.id)) : undefined
}

/**
 * Refuses a request the account has no room left for, saying how much it holds; checked before booking. `holds`:
 * what it holds of the request's days (`accountHolds`), when read ahead.
 */
export async function assertAccountLeavesRoom(db: Kysely<Database>, share: AccountShare, holds?: Promise<Map<string, number>>): Promise<void> {
  if (!countsForAccount(share.booker)) return
  const sessionIds = share.takes.map((t) => t.sessionId)
  const readAhead = holds && sessionIds.every((id) => share.run.some((day) => day.id === id))
  const held = readAhead ? await holds : await accountUnits(db, share.booker.id, sessionIds)
  for (const take of share.takes) {
    const taken = held.get(take.sessionId) ?? 0
    if (taken + take.units > share.rule.maxUnitsPerAccount) throw limitError(share, taken, take.sessionId)
  }
}

/**
 * Counts a booking's units against its account in the booking's transaction; any refused rolls it all back
 * (`RefusedWrite`, explained by what the account holds once it has).
 */
export async function takeAccountShare(trx: Transaction<Database>, share: AccountShare): Promise<void> {
  const { booker, rule, takes } = share
  if (!countsForAccount(booker)) return
  await together(
    takes.map((take) =>
      refusedAs(takeAccountUnits(trx, booker.id, take.sessionId, take.units, rule.maxUnitsPerAccount), async (db) => {
        const taken = (await accountUnits(db, booker.id, [take.sessionId])).get(take.sessionId) ?? 0
        return limitError(share, taken, take.sessionId)
      }),
    ),
  )
}

function limitError({ rule, run }: AccountShare, taken: number, sessionId: string): AccountLimitError {
  const session = run.find((s) => s.id === sessionId) ?? run[0]
  return new AccountLimitError(rule.maxUnitsPerAccount, taken, session.function_code as FunctionCode, session.date, session.part as SessionPart)
}
