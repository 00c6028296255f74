import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { type ConnectOptions, type Db, connect } from '../../server/db/connection'
import { migrateToLatest } from '../../server/db/migrate'
import { seedDistrict } from '../../server/db/seed/seed'
import { suiteInstant } from './clock'

export type DatabaseName = 'sqlite' | 'postgres'

/** Every API suite runs once per store. PostgreSQL must answer: a suite that cannot reach it fails. */
export const DATABASES: DatabaseName[] = ['sqlite', 'postgres']

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export interface TestDb {
  db: Db
  url: string
  /** For PostgreSQL, the schema this database lives in. */
  searchPath?: string
  drop(): Promise<void>
}

/** A fresh store of its own, migrated and seeded at `now`: a new SQLite file, or a new PostgreSQL schema. */
export async function createTestDb(name: DatabaseName, options: ConnectOptions = {}, now: Date = suiteInstant()): Promise<TestDb> {
  const suffix = randomBytes(6).toString('hex')
  if (name === 'sqlite') {
    const file = join(tmpdir(), `doorstep-test-${suffix}.db`)
    const db = connect(`sqlite:${file}`, options)
    await migrateToLatest(db)
    await seedDistrict(db, now)
    return {
      db,
      url: `sqlite:${file}`,
      drop: async () => {
        await db.close()
        for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true })
      },
    }
  }
  const schema = `t_${suffix}`
  const admin = connect(POSTGRES_URL)
  await sql`create schema ${sql.id(schema)}`.execute(admin.kysely)
  await admin.close()
  const db = connect(POSTGRES_URL, { searchPath: schema })
  await migrateToLatest(db)
  await seedDistrict(db, now)
  return {
    db,
    url: POSTGRES_URL,
    searchPath: schema,
    drop: async () => {
      await db.close()
      const cleanup = connect(POSTGRES_URL)
      await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.kysely)
      await cleanup.close()
    },
  }
}
