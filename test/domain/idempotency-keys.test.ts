import { upsertUserByOpenid } from '../../server/auth/user.repository'
import { purgeIdempotencyKeys } from '../../server/bookings/idempotency'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'

describe.each(DATABASES)('idempotency keys on %s', (database) => {
  let store: TestDb
  beforeAll(async () => {
    store = await createTestDb(database)
  })
  afterAll(() => store.drop())

  it('drops keys older than the cut and keeps newer ones', async () => {
    const db = store.db.kysely
    const user = await upsertUserByOpenid(db, 'keys-owner', new Date('2026-11-10T00:00:00Z'))
    const row = (key: string, at: string) => ({ user_id: user.id, key, request_hash: 'h', status_code: 201, response: '{}', created_at: at })
    await db.insertInto('idempotency_keys').values([row('old-key-000', '2026-11-01T00:00:00.000Z'), row('new-key-000', '2026-11-20T00:00:00.000Z')]).execute()
    await purgeIdempotencyKeys(db, new Date('2026-11-10T00:00:00Z'))
    const left = await db.selectFrom('idempotency_keys').select('key').where('user_id', '=', user.id).execute()
    expect(left).toEqual([{ key: 'new-key-000' }])
  })
})
