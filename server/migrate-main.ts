// npm run migrate: brings the configured database (DATABASE_URL) to the latest schema, and nothing else — in
// production the server does not migrate at start, so a schema change is a step someone chose to take.
import { loadConfig } from './config'
import { connect } from './db/connection'
import { migrateToLatest, pendingMigrations } from './db/migrate'

async function main(): Promise<void> {
  const db = connect(loadConfig().DATABASE_URL)
  try {
    const pending = await pendingMigrations(db)
    await migrateToLatest(db)
    console.log(pending.length > 0 ? `migrated ${db.kind}: ${pending.join(', ')}` : `${db.kind} is up to date`)
  } finally {
    await db.close()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
