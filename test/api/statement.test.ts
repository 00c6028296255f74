import { type Kysely, sql } from 'kysely'
import type { Database } from '../../server/db/schema'
import { NoRowChanged, statement, statementOfRows } from '../../server/db/statement'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'

// Statements compiled once and run with new values: what must hold is that each run is the statement with its own
// values, on either store, whatever ran before it.
const facilityNamed = statement((db, { id }: { id: string }) => db.selectFrom('facilities').select(['id', 'name']).where('id', '=', id))
const renamed = statement((db, { id, name }: { id: string; name: string }) => db.updateTable('facilities').set({ name }).where('id', '=', id))
const facilitiesIn = statementOfRows((db, rows: { id: string }[]) =>
  db
    .selectFrom('facilities')
    .select('id')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id'),
)

describe.each(DATABASES)('statements compiled once (%s)', (database) => {
  let store: TestDb
  let db: Kysely<Database>
  let ids: string[]

  beforeAll(async () => {
    store = await createTestDb(database)
    db = store.db.kysely
    ids = (await db.selectFrom('facilities').select('id').orderBy('id').limit(3).execute()).map((f) => f.id)
  })
  afterAll(() => store.drop())

  it('answers each run with its own values', async () => {
    for (const id of ids) {
      const expected = await db.selectFrom('facilities').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
      expect(await facilityNamed.first(db, { id })).toEqual(expected)
    }
    expect(await facilityNamed.first(db, { id: 'no-such-facility' })).toBeUndefined()
  })

  it('counts the rows a write changed, and writes the values given', async () => {
    expect(await renamed.changed(db, { id: ids[0], name: '改名后的设施' })).toBe(1n)
    expect(await renamed.changed(db, { id: 'no-such-facility', name: '不存在' })).toBe(0n)
    expect((await facilityNamed.first(db, { id: ids[0] }))?.name).toBe('改名后的设施')
  })

  it('runs inside a transaction, and its writes go with the transaction', async () => {
    const before = await facilityNamed.first(db, { id: ids[1] })
    await expect(
      db.transaction().execute(async (trx) => {
        await renamed.changed(trx, { id: ids[1], name: '不会留下的名字' })
        expect((await facilityNamed.first(trx, { id: ids[1] }))?.name).toBe('不会留下的名字')
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(await facilityNamed.first(db, { id: ids[1] })).toEqual(before)
  })

  it('is a statement per number of rows, each with its own values', async () => {
    expect(await facilitiesIn.rows(db, [{ id: ids[2] }])).toEqual([{ id: ids[2] }])
    expect(await facilitiesIn.rows(db, ids.map((id) => ({ id })))).toEqual(ids.map((id) => ({ id })))
    expect(await facilitiesIn.rows(db, [{ id: ids[0] }, { id: 'no-such-facility' }])).toEqual([{ id: ids[0] }])
  })

  it('fails a required write that wrote fewer rows than it was given, and keeps none of them', async () => {
    await sql`create table claimed_rows (id text primary key)`.execute(db)
    const claims = statementOfRows((db, rows: { id: string }[]) =>
      db
        .insertInto('claimed_rows' as never)
        .values(rows.map(({ id }) => ({ id })) as never)
        .onConflict((oc) => oc.column('id' as never).doNothing()),
    )
    await claims.required(db, [{ id: 'held' }])
    const refused = db.transaction().execute((trx) => claims.required(trx, [{ id: 'new' }, { id: 'held' }]))
    await expect(refused).rejects.toBeInstanceOf(NoRowChanged)
    await expect(claims.required(db, [{ id: 'held' }])).rejects.toBeInstanceOf(NoRowChanged)
    expect((await sql<{ id: string }>`select id from claimed_rows order by id`.execute(db)).rows).toEqual([{ id: 'held' }])
  })

  it('refuses a statement that uses a value other than as a value: it would run without it', async () => {
    const spelled = statement((db, { id }: { id: string }) => db.selectFrom('facilities').select('id').where('id', '=', `yl-${id}`))
    await expect(spelled.first(db, { id: 'jiayuan' })).rejects.toThrow(/id is not a parameter/)
    const raw = statement((db, { id }: { id: string }) => db.selectFrom('facilities').select('id').where(sql.raw<boolean>(`id = '${id}'`)))
    await expect(raw.first(db, { id: 'x' })).rejects.toThrow(/id is not a parameter/)
  })
})
