import type { Insertable, Kysely, Transaction } from 'kysely'
import type { Database, PlaceClaimTable } from '../db/schema'
import { statementOfRows } from '../db/statement'
import type { PlaceClaim } from './place-claims'

/** A live booking holding one of the claims, with what its refusal message names. */
export interface HeldPlace {
  bookingId: string
  /** null when the booker holds it for themself. */
  memberName: string | null
  /** The first day it overlaps. */
  serviceDate: string
  functionCode: string
  part: string
  details: string
  facilityName: string
}

export async function findHeldPlace(db: Kysely<Database>, claims: PlaceClaim[]): Promise<HeldPlace | undefined> {
  if (claims.length === 0) return undefined
  return heldPlace.first(db, claims)
}

// Asked by every booking, mostly of one claim (a meal, a day).
const heldPlace = statementOfRows((db, claims: PlaceClaim[]) =>
  db
    .selectFrom('place_claims as c')
    .innerJoin('bookings as b', 'b.id', 'c.booking_id')
    .innerJoin('sessions as s', 's.id', 'b.session_id')
    .innerJoin('facilities as f', 'f.id', 'b.facility_id')
    .leftJoin('family_members as m', 'm.id', 'b.member_id')
    .select([
      'b.id as bookingId',
      'm.name as memberName',
      'c.service_date as serviceDate',
      'b.function_code as functionCode',
      's.part',
      'b.details',
      'f.name as facilityName',
    ])
    .where((eb) =>
      eb.or(
        claims.map((c) =>
          eb.and([
            eb('c.beneficiary', '=', c.beneficiary),
            eb('c.function_code', '=', c.functionCode),
            eb('c.service_date', '=', c.serviceDate),
            eb('c.slot', '=', c.slot),
          ]),
        ),
      ),
    )
    .orderBy('c.service_date')
    .limit(1),
)

/**
 * Writes the claims of a booking, or none: `NoRowChanged` when any of them is held already. A concurrent booking
 * of the same person waits on the primary key (PostgreSQL) or for its turn (SQLite) and then finds it held, so
 * the loser is refused rather than failed; the booking is rolled back.
 */
export async function claimPlaces(trx: Transaction<Database>, claims: PlaceClaim[], bookingId: string): Promise<void> {
  if (claims.length === 0) return
  await placeRows.required(
    trx,
    claims.map((c) => ({ beneficiary: c.beneficiary, function_code: c.functionCode, service_date: c.serviceDate, slot: c.slot, booking_id: bookingId })),
  )
}

const placeRows = statementOfRows((db, rows: Insertable<PlaceClaimTable>[]) =>
  db
    .insertInto('place_claims')
    .values(rows.map(({ beneficiary, function_code, service_date, slot, booking_id }) => ({ beneficiary, function_code, service_date, slot, booking_id })))
    .onConflict((oc) => oc.columns(['beneficiary', 'function_code', 'service_date', 'slot']).doNothing()),
)

export async function releasePlaces(trx: Transaction<Database>, bookingId: string): Promise<void> {
  await trx.deleteFrom('place_claims').where('booking_id', '=', bookingId).execute()
}
