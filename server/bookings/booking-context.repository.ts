import { type Kysely, sql } from 'kysely'
import { ACTIVITY_RULE_KEY } from '../activities/activity-rule'
import type { Database, SessionRow } from '../db/schema'
import { statement } from '../db/statement'
import type { FacilityPlace } from '../facilities/facility.repository'
import type { BookingRule } from './booking-rules'

export interface BookingContext {
  session: SessionRow
  /** undefined when the facility takes no online bookings for this function. */
  rule: BookingRule | undefined
  facility: FacilityPlace
}

const contextOf = statement((db, { sessionId }: { sessionId: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('facilities as f', 'f.id', 's.facility_id')
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .innerJoin('streets as st', 'st.id', 'c.street_id')
    // An activity's day is booked by the facility's rule for activities, whatever its function (activity-rule.ts).
    .leftJoin('booking_rules as r', (join) =>
      join
        .onRef('r.facility_id', '=', 's.facility_id')
        .on(sql<boolean>`r.function_code = case when s.part = 'activity' then ${sql.lit(ACTIVITY_RULE_KEY)} else s.function_code end`),
    )
    .leftJoin('facility_functions as ff', (join) =>
      join.onRef('ff.facility_id', '=', 's.facility_id').onRef('ff.function_code', '=', 's.function_code'),
    )
    .selectAll('s')
    .select([
      'f.retired_at',
      'ff.function_code as offered',
      'f.name as facility_name',
      'f.lat',
      'f.lng',
      'st.district_id',
      'r.horizon_days',
      'r.cutoff_minutes',
      'r.cancel_minutes',
      'r.max_units',
      'r.reminder_minutes',
      'r.max_run_days',
      'r.max_units_per_account',
    ])
    .where('s.id', '=', sessionId),
)

/** A session with its facility's rules and place, in one query: every booking request reads it. */
export async function findBookingContext(db: Kysely<Database>, sessionId: string): Promise<BookingContext | undefined> {
  const row = await contextOf.first(db, { sessionId })
  if (!row) return undefined
  const {
    retired_at,
    offered,
    facility_name,
    lat,
    lng,
    district_id,
    horizon_days,
    cutoff_minutes,
    cancel_minutes,
    max_units,
    reminder_minutes,
    max_run_days,
    max_units_per_account,
    ...session
  } = row
  return {
    // A retired facility, or a function the district took off it, takes no more bookings: its days read as closed.
    session: retired_at !== null || offered === null ? { ...session, open: 0 } : session,
    rule:
      horizon_days === null ||
      cutoff_minutes === null ||
      cancel_minutes === null ||
      max_units === null ||
      max_units_per_account === null
        ? undefined
        : {
            horizonDays: horizon_days,
            cutoffMinutes: cutoff_minutes,
            cancelMinutes: cancel_minutes,
            maxUnits: max_units,
            reminderMinutes: reminder_minutes ?? 120,
            maxRunDays: max_run_days,
            maxUnitsPerAccount: max_units_per_account,
          },
    facility: { id: session.facility_id, name: facility_name, lat, lng, districtId: district_id },
  }
}
