import { statSync } from 'node:fs'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { connect } from '../../server/db/connection'

// With the background checkpointer, commits only append to the WAL; the worker copies pages into the database
// file. Without it (and with autocheckpoint off) the database file would not grow at all.
it('moves committed pages from the WAL into the database file off the request path', async () => {
  const file = join(tmpdir(), `doorstep-checkpoint-${process.pid}-${Date.now()}.db`)
  const db = connect(`sqlite:${file}`, { backgroundCheckpoint: true })
  try {
    await sql`create table filler (id integer primary key, text text not null)`.execute(db.kysely)
    const before = statSync(file).size
    for (let i = 0; i < 20; i++) {
      await db.kysely.transaction().execute(async (trx) => {
        for (let j = 0; j < 50; j++) await trx.insertInto('filler' as never).values({ text: 'x'.repeat(200) } as never).execute()
      })
    }
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(100_000)
    let after = statSync(file).size
    for (let i = 0; i < 40 && after <= before + 100_000; i++) {
      await new Promise((r) => setTimeout(r, 100))
      after = statSync(file).size
    }
    expect(after).toBeGreaterThan(before + 100_000)
  } finally {
    await db.close()
    for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true })
  }
})
