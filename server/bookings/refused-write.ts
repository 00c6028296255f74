import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { NoRowChanged } from '../db/statement'

/**
 * A guarded write of a booking refused it (the places went, the person's place or the key was taken meanwhile).
 * On PostgreSQL the refusal has aborted the transaction, so why is read after it, outside it: `explain` gives the
 * refusal the resident is told.
 */
export class RefusedWrite extends Error {
  constructor(readonly explain: (db: Kysely<Database>) => Promise<Error> | Error) {
    super('a guarded write of the booking was refused')
  }
}

/** `write`, whose refusal (`NoRowChanged`) is explained by `explain`. */
export function refusedAs<T>(write: Promise<T>, explain: RefusedWrite['explain']): Promise<T> {
  return write.catch((err: unknown) => {
    throw err instanceof NoRowChanged ? new RefusedWrite(explain) : err
  })
}
