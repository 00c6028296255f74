import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/**
 * Takes (or keeps) the named job's lease for `holder` until `now + ttlMs`: granted when nobody holds it, the lease
 * ran out, or `holder` already holds it. One upsert whose conflict update is conditional, so two instances asking
 * at once cannot both get it (PostgreSQL locks the row; SQLite writes one at a time).
 */
export async function takeJobLease(db: Kysely<Database>, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString()
  const result = await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where((eb) => eb.or([eb('job_leases.expires_at', '<=', now.toISOString()), eb('job_leases.holder', '=', holder)])),
    )
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}

/**
 * A round of a periodic job that only one instance runs at a time: the instance holding the lease runs it (and
 * renews the lease, for somewhat more than an interval); the others skip. If the holder stops, another takes over once it expires.
 * Returns whether this instance ran the round.
 */
export function leasedRound(
  db: Kysely<Database>,
  lease: { name: string; holder: string; ttlMs: number },
  clock: () => Date,
  job: () => Promise<unknown>,
): () => Promise<boolean> {
  return async () => {
    if (!(await takeJobLease(db, lease.name, lease.holder, clock(), lease.ttlMs))) return false
    await job()
    return true
  }
}

/** An instance that stops cleanly hands its jobs over at once instead of at the leases' expiry. */
export async function releaseJobLeases(db: Kysely<Database>, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('holder', '=', holder).execute()
}
