import { createHash } from 'node:crypto'
import type { Insertable, Kysely, Transaction } from 'kysely'
import type { Database, IdempotencyKeyTable } from '../db/schema'
import { IdempotencyKeyReusedError } from './booking.errors'
import { statement } from '../db/statement'

export interface StoredResponse {
  statusCode: number
  body: unknown
}

export interface IdempotencyClaim {
  userId: string
  key: string
  /** sha256 of the request as validated, so `{quantity: 1}` and an omitted default are the same request. */
  requestHash: string
}

export function fingerprint(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex')
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The stored answer to an earlier request with this key, if any; a different request under it is a 409. */
export async function findEarlierResponse(
  db: Kysely<Database>,
  claim: IdempotencyClaim,
): Promise<StoredResponse | undefined> {
  const row = await answerOfKey.first(db, { userId: claim.userId, key: claim.key })
  if (!row) return undefined
  if (row.request_hash !== claim.requestHash) throw new IdempotencyKeyReusedError()
  return { statusCode: row.status_code, body: JSON.parse(row.response) }
}

// Asked after every refused booking (a sell-out's many): was it a retry of one that was answered?
const answerOfKey = statement((db, { userId, key }: { userId: string; key: string }) =>
  db.selectFrom('idempotency_keys').select(['request_hash', 'status_code', 'response']).where('user_id', '=', userId).where('key', '=', key),
)

/**
 * Claims the key, with the answer it will give, among the booking's first writes: the answer and the booking
 * commit together or not at all. A concurrent twin of this request blocks on the primary key until this
 * transaction ends (PostgreSQL) or waits its turn (SQLite). `NoRowChanged` when the key is already another
 * request's: the booking is rolled back and answers with that request's response (`findEarlierResponse`).
 */
export function claimIdempotencyKey(
  trx: Transaction<Database>,
  claim: IdempotencyClaim,
  response: StoredResponse,
  now: Date,
): Promise<void> {
  return keyClaim.required(trx, {
    user_id: claim.userId,
    key: claim.key,
    request_hash: claim.requestHash,
    status_code: response.statusCode,
    response: JSON.stringify(response.body),
    created_at: now.toISOString(),
  })
}

const keyClaim = statement((db, { user_id, key, request_hash, status_code, response, created_at }: Insertable<IdempotencyKeyTable>) =>
  db
    .insertInto('idempotency_keys')
    .values({ user_id, key, request_hash, status_code, response, created_at })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()),
)

/** Keys only need to outlive a resident's retries; older ones are dropped (at every start of the server). */
export async function purgeIdempotencyKeys(db: Kysely<Database>, olderThan: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', olderThan.toISOString()).execute()
}
