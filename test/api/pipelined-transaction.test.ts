import net from 'node:net'
import { type Kysely, type Transaction, sql } from 'kysely'
import pg from 'pg'
import { commitWithLastStatements, pipelinedTransaction } from '../../server/db/connection'
import { isUniqueViolation } from '../../server/db/errors'
import type { Database } from '../../server/db/schema'
import { NoRowChanged, statement } from '../../server/db/statement'
import { together } from '../../server/db/together'
import { DATABASES, POSTGRES_URL, type TestDb, createTestDb } from '../support/databases'

// The booking engine's transaction: statements issued together go out together on PostgreSQL. What must hold is
// what a transaction promises: all or nothing, the failing statement's own error, and a connection that still works.
describe.each(DATABASES)('a transaction of statements issued together (%s)', (database) => {
  let store: TestDb
  let db: Kysely<Database>
  const insert = (trx: Kysely<Database>, id: string) => sql`insert into pipe_rows (id) values (${id})`.execute(trx)
  const stored = async () => (await sql<{ id: string }>`select id from pipe_rows order by id`.execute(db)).rows.map((r) => r.id)

  beforeAll(async () => {
    store = await createTestDb(database)
    db = store.db.kysely
    await sql`create table pipe_rows (id text primary key)`.execute(db)
  })
  afterAll(() => store.drop())
  beforeEach(() => sql`delete from pipe_rows`.execute(db))

  it('keeps every row written together once it commits', async () => {
    await pipelinedTransaction(db, (trx) => together([insert(trx, 'a'), insert(trx, 'b'), insert(trx, 'c')]))
    expect(await stored()).toEqual(['a', 'b', 'c'])
  })

  it('keeps none of them when the work refuses after writing', async () => {
    const refused = pipelinedTransaction(db, async (trx) => {
      await together([insert(trx, 'a'), insert(trx, 'b')])
      throw new Error('full')
    })
    await expect(refused).rejects.toThrow('full')
    expect(await stored()).toEqual([])
  })

  it('answers with the failing statement’s own error, keeps nothing, and serves the next transaction', async () => {
    const failed = pipelinedTransaction(db, (trx) => together([insert(trx, 'a'), insert(trx, 'a'), insert(trx, 'b')]))
    const err = await failed.catch((e: unknown) => e)
    expect(isUniqueViolation(err)).toBe(true)
    expect(await stored()).toEqual([])
    // Every connection of the pool, after the failure: none is left inside the aborted transaction.
    await Promise.all(['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'].map((id) => pipelinedTransaction(db, (trx) => insert(trx, id))))
    expect(await stored()).toHaveLength(11)
  })

  it('is a transaction to the code it runs: a helper that opens its own unless given one runs inside this one', async () => {
    const refused = pipelinedTransaction(db, async (trx) => {
      await insert(trx, 'a')
      // As the activity and care-schedule services do.
      const asGiven = trx as unknown as Kysely<Database>
      await (asGiven.isTransaction ? insert(trx, 'b') : asGiven.transaction().execute((inner) => insert(inner, 'b')))
      expect(() => trx.transaction()).toThrow()
      throw new Error('full')
    })
    await expect(refused).rejects.toThrow('full')
    expect(await stored()).toEqual([])
  })

  it('runs nothing the work started and left behind once it has refused', async () => {
    const refused = pipelinedTransaction(db, async (trx) => {
      await Promise.all([insert(trx, 'z'), Promise.reject(new Error('refused'))])
    })
    await expect(refused).rejects.toThrow('refused')
    await new Promise((settle) => setTimeout(settle, 200))
    expect(await stored()).toEqual([])
    await pipelinedTransaction(db, (trx) => insert(trx, 'y'))
    expect(await stored()).toEqual(['y'])
  })

  // The booking's last statements: a guarded write that must write its row, sent with COMMIT where it can be.
  const claimed = statement((db, { id }: { id: string }) =>
    db
      .insertInto('pipe_rows' as never)
      .values({ id } as never)
      .onConflict((oc) => oc.column('id' as never).doNothing()),
  )
  const lastly = (trx: Transaction<Database>, work: Promise<unknown>[]) => {
    commitWithLastStatements(trx, work)
    return together(work)
  }

  it('keeps the last statements sent with COMMIT', async () => {
    await pipelinedTransaction(db, async (trx) => {
      await insert(trx, 'a')
      await lastly(trx, [insert(trx, 'b'), claimed.required(trx, { id: 'c' })])
    })
    expect(await stored()).toEqual(['a', 'b', 'c'])
  })

  it('keeps nothing when a required write among the last statements writes no row, and names it', async () => {
    await insert(db, 'c')
    const refused = pipelinedTransaction(db, async (trx) => {
      await insert(trx, 'a')
      await lastly(trx, [insert(trx, 'b'), claimed.required(trx, { id: 'c' }), insert(trx, 'd')])
    })
    await expect(refused).rejects.toBeInstanceOf(NoRowChanged)
    expect(await stored()).toEqual(['c'])
    // Every connection of the pool serves on, none left inside a transaction.
    await Promise.all(['e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'].map((id) => pipelinedTransaction(db, (trx) => insert(trx, id))))
    expect(await stored()).toHaveLength(12)
  })

  it('keeps nothing when one of the last statements was refused in code before reaching the database', async () => {
    const refused = pipelinedTransaction(db, async (trx) => {
      await insert(trx, 'a')
      await lastly(trx, [insert(trx, 'b'), Promise.reject(new Error('over the limit'))])
    })
    await expect(refused).rejects.toThrow('over the limit')
    expect(await stored()).toEqual([])
  })

  it('answers what `recover` finds once a failed transaction has ended: committed rows, none of its own', async () => {
    await insert(db, 'earlier')
    const recovered = await pipelinedTransaction(
      db,
      async (trx) => {
        await insert(trx, 'mine')
        throw new Error('refused')
      },
      async (outside) => (await sql<{ id: string }>`select id from pipe_rows order by id`.execute(outside)).rows.map((r) => r.id).join(),
    )
    expect(recovered).toBe('earlier')
    // Nothing to answer with: the failure stands.
    const failed = pipelinedTransaction(
      db,
      async () => {
        throw new Error('refused')
      },
      async () => undefined,
    )
    await expect(failed).rejects.toThrow('refused')
    expect(await stored()).toEqual(['earlier'])
  })

  if (database === 'postgres') {
    it('fails a transaction whose connection is lost, without ending the process, and the pool serves on', async () => {
      const admin = new pg.Client({ connectionString: POSTGRES_URL })
      await admin.connect()
      try {
        const lost = pipelinedTransaction(db, async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
          await admin.query('select pg_terminate_backend($1)', [rows[0].pid])
          await new Promise((settle) => setTimeout(settle, 100))
          await insert(trx, 'k')
        })
        await expect(lost).rejects.toThrow()
        await Promise.all(['p', 'q', 'r'].map((id) => pipelinedTransaction(db, (trx) => insert(trx, id))))
        expect(await stored()).toEqual(['p', 'q', 'r'])
      } finally {
        await admin.end()
      }
    })

    it('sends BEGIN in the same write as the first statements: one batch and COMMIT are two writes', async () => {
      await pipelinedTransaction(db, (trx) => insert(trx, 'w'))
      // Counted where a socket hands its corked buffers to the system, once per write.
      const flushes = jest.spyOn(net.Socket.prototype as unknown as { _writev: () => void }, '_writev')
      const single = jest.spyOn(net.Socket.prototype as unknown as { _write: () => void }, '_write')
      try {
        await pipelinedTransaction(db, (trx) => together([insert(trx, 'x'), insert(trx, 'y')]))
        expect(flushes.mock.calls.length + single.mock.calls.length).toBe(2)
      } finally {
        flushes.mockRestore()
        single.mockRestore()
      }
      expect(await stored()).toEqual(['w', 'x', 'y'])
    })

    it('sends COMMIT in the same write as the last statements: begin, a batch, and the last with COMMIT are two writes', async () => {
      await pipelinedTransaction(db, (trx) => insert(trx, 'w'))
      const flushes = jest.spyOn(net.Socket.prototype as unknown as { _writev: () => void }, '_writev')
      const single = jest.spyOn(net.Socket.prototype as unknown as { _write: () => void }, '_write')
      try {
        await pipelinedTransaction(db, async (trx) => {
          await together([insert(trx, 'x'), insert(trx, 'y')])
          await lastly(trx, [insert(trx, 'z'), claimed.required(trx, { id: 'zz' })])
        })
        expect(flushes.mock.calls.length + single.mock.calls.length).toBe(2)
      } finally {
        flushes.mockRestore()
        single.mockRestore()
      }
      expect(await stored()).toEqual(['w', 'x', 'y', 'z', 'zz'])
    })

    it('sends ROLLBACK and what `recover` asks in one write', async () => {
      await pipelinedTransaction(db, (trx) => insert(trx, 'w'))
      const flushes = jest.spyOn(net.Socket.prototype as unknown as { _writev: () => void }, '_writev')
      const single = jest.spyOn(net.Socket.prototype as unknown as { _write: () => void }, '_write')
      try {
        const answer = await pipelinedTransaction(
          db,
          async (trx) => {
            await insert(trx, 'x')
            throw new Error('refused')
          },
          async (outside) => (await sql<{ n: number }>`select count(*)::int as n from pipe_rows`.execute(outside)).rows[0].n,
        )
        expect(answer).toBe(1)
        expect(flushes.mock.calls.length + single.mock.calls.length).toBe(2)
      } finally {
        flushes.mockRestore()
        single.mockRestore()
      }
    })

    it('fails loudly when a statement comes after COMMIT was sent', async () => {
      const late = pipelinedTransaction(db, async (trx) => {
        const answered = insert(trx, 'a')
        commitWithLastStatements(trx, [answered])
        await answered
        await insert(trx, 'b')
      })
      await expect(late).rejects.toThrow(/transaction has ended/)
      expect(await stored()).toEqual(['a'])
    })

    it('does not report success for a transaction PostgreSQL aborted under a failure the work ignored', async () => {
      const ignored = pipelinedTransaction(db, async (trx) => {
        await insert(trx, 'a')
        await insert(trx, 'a').catch(() => undefined)
      })
      await expect(ignored).rejects.toThrow(/ROLLBACK/)
      expect(await stored()).toEqual([])
    })
  }
})
