import type { FunctionCode } from '@shared/functions'
import { WAITLIST_FUNCTIONS } from '@shared/waitlist'
import type { Kysely } from 'kysely'
import type { Take } from '../bookings/booking-plan'
import { SessionFullError } from '../bookings/booking.errors'
import type { Database } from '../db/schema'

export const hasWaitlist = (fn: FunctionCode) => (WAITLIST_FUNCTIONS as readonly string[]).includes(fn)

/** A place a request needs that is not there once the people already waiting for it are served. */
export interface Shortfall {
  date: string
  /** Free places now, and how many of them those waiting are owed. */
  free: number
  waiting: number
}

const placeKey = (sessionId: string, classCode: string | null) => `${sessionId}|${classCode ?? ''}`

/**
 * The first place of `takes` that cannot be had by someone new: free places (of the session, and of the class
 * when it has classes) less those owed to people waiting for that place. null when every place can be had.
 */
export async function findShortfall(db: Kysely<Database>, takes: Take[]): Promise<Shortfall | null> {
  if (takes.length === 0) return null
  const sessionIds = takes.map((t) => t.sessionId)
  const [sessions, classes, waiting] = await Promise.all([
    db.selectFrom('sessions').select(['id', 'date', 'capacity', 'booked', 'open']).where('id', 'in', sessionIds).execute(),
    db
      .selectFrom('session_classes')
      .select(['session_id', 'class_code', 'capacity', 'booked'])
      .where('session_id', 'in', sessionIds)
      .execute(),
    db
      .selectFrom('waitlist_needs as n')
      .innerJoin('waitlist_entries as e', 'e.id', 'n.entry_id')
      .select(['n.session_id', 'n.class_code', (eb) => eb.fn.countAll<string | number>().as('waiting')])
      .where('e.status', '=', 'waiting')
      .where('n.session_id', 'in', sessionIds)
      .groupBy(['n.session_id', 'n.class_code'])
      .execute(),
  ])
  const owed = new Map(waiting.map((w) => [placeKey(w.session_id, w.class_code || null), Number(w.waiting)]))
  for (const take of takes) {
    const session = sessions.find((s) => s.id === take.sessionId)
    if (!session) continue
    let free = session.capacity - session.booked
    if (take.classCode) {
      const row = classes.find((c) => c.session_id === take.sessionId && c.class_code === take.classCode)
      free = Math.min(free, row ? row.capacity - row.booked : 0)
    }
    const queue = owed.get(placeKey(take.sessionId, take.classCode)) ?? 0
    if (Math.max(0, free) - queue < take.units) return { date: session.date, free: Math.max(0, free), waiting: queue }
  }
  return null
}

/** For a new booking of a service with a waitlist: refused as full when the free places are owed to the queue. */
export async function assertQueueLeavesRoom(db: Kysely<Database>, takes: Take[], fn: FunctionCode): Promise<void> {
  if (!hasWaitlist(fn)) return
  const shortfall = await findShortfall(db, takes)
  if (shortfall && shortfall.waiting > 0) {
    throw new SessionFullError(0, fn, shortfall.date, shortfall.waiting)
  }
}
