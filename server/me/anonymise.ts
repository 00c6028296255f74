import type { Transaction } from 'kysely'
import type { BookingDetails } from '../bookings/booking-plan'
import type { Database } from '../db/schema'

/** Strips from a booking's details everything that could point to the person it was for. */
export function anonymousDetails(details: BookingDetails): BookingDetails {
  return {
    ...details,
    ...(details.meal ? { meal: { ...details.meal, delivery: null } } : {}),
    ...(details.collectors ? { collectors: [] } : {}),
    ...(details.home ? { home: { ...details.home, address: '' } } : {}),
    forMember: true,
  }
}

/** Before a member is deleted: their bookings lose the link and any personal detail, and keep the counts. */
export async function anonymiseBookingsOf(trx: Transaction<Database>, memberId: string): Promise<void> {
  const rows = await trx.selectFrom('bookings').select(['id', 'details']).where('member_id', '=', memberId).execute()
  for (const row of rows) {
    const details = anonymousDetails(JSON.parse(row.details) as BookingDetails)
    await trx.updateTable('bookings').set({ details: JSON.stringify(details), member_id: null }).where('id', '=', row.id).execute()
  }
  // Answers kept for retries repeat the booking as it was (the name, an address): they go too.
  await trx.deleteFrom('idempotency_keys').where('response', 'like', `%"${memberId}"%`).execute()
  await trx.deleteFrom('meal_subsidy_claims').where('beneficiary', '=', `member:${memberId}`).execute()
  await trx.deleteFrom('place_claims').where('beneficiary', '=', `member:${memberId}`).execute()
  await trx.deleteFrom('suspensions').where('beneficiary', '=', `member:${memberId}`).execute()
}
