import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration'
import { sql } from 'kysely'
import type { Db } from './connection'
import * as m001 from './migrations/001_foundation'
import * as m002 from './migrations/002_bookings'
import * as m003 from './migrations/003_staff'
import * as m004 from './migrations/004_notices'
import * as m005 from './migrations/005_meal_templates'
import * as m006 from './migrations/006_child_members'
import * as m007 from './migrations/007_infant_care'
import * as m008 from './migrations/008_respite'
import * as m009 from './migrations/009_waitlist'
import * as m010 from './migrations/010_care_rates'
import * as m011 from './migrations/011_ratings'
import * as m012 from './migrations/012_evaluation'
import * as m013 from './migrations/013_one_place'
import * as m014 from './migrations/014_rank_minimum'
import * as m015 from './migrations/015_desk_day'
import * as m016 from './migrations/016_instances'
import * as m017 from './migrations/017_session_limits'
import * as m018 from './migrations/018_shared_access_token'
import * as m019 from './migrations/019_optional_rating_scores'
import * as m020 from './migrations/020_district_admin'
import * as m021 from './migrations/021_care_schedules'
import * as m022 from './migrations/022_account_deletion'
import * as m023 from './migrations/023_function_hours'
import * as m024 from './migrations/024_feedback'
import * as m025 from './migrations/025_service_day_counts'
import * as m026 from './migrations/026_case_function'
import * as m027 from './migrations/027_surveys'
import * as m028 from './migrations/028_announcements'
import * as m029 from './migrations/029_announcement_withdrawal'
import * as m030 from './migrations/030_activities'
import * as m031 from './migrations/031_home_services'

// Listed here rather than read from disk so that bundlers, tsx and jest all see the same set.
const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_bookings': m002,
  '003_staff': m003,
  '004_notices': m004,
  '005_meal_templates': m005,
  '006_child_members': m006,
  '007_infant_care': m007,
  '008_respite': m008,
  '009_waitlist': m009,
  '010_care_rates': m010,
  '011_ratings': m011,
  '012_evaluation': m012,
  '013_one_place': m013,
  '014_rank_minimum': m014,
  '015_desk_day': m015,
  '016_instances': m016,
  '017_session_limits': m017,
  '018_shared_access_token': m018,
  '019_optional_rating_scores': m019,
  '020_district_admin': m020,
  '021_care_schedules': m021,
  '022_account_deletion': m022,
  '023_function_hours': m023,
  '024_feedback': m024,
  '025_service_day_counts': m025,
  '026_case_function': m026,
  '027_surveys': m027,
  '028_announcements': m028,
  '029_announcement_withdrawal': m029,
  '030_activities': m030,
  '031_home_services': m031,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

// In a schema of its own, the migration tables are looked for there: otherwise another schema's tables of the same
// name (a benchmark's, a parallel test's) would be taken for this one's.
const migratorOf = (db: Db) => new Migrator({ db: db.kysely, provider, ...(db.schema ? { migrationTableSchema: db.schema } : {}) })

/** The migrations this database has not run yet, by name. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migratorOf(db).getMigrations()
  return all.filter((m) => !m.executedAt).map((m) => m.name)
}

/** Brings the schema to the latest migration; the same migrations run on SQLite and PostgreSQL. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = migratorOf(db)
  // SQLite changes a table's constraints only by rebuilding it (030), which foreign keys would cascade through; they
  // are off while migrating (outside the migrations' transaction, where SQLite ignores the switch) and checked after.
  const sqlite = db.kind === 'sqlite'
  if (sqlite) await sql`pragma foreign_keys = off`.execute(db.kysely)
  try {
    const { error, results } = await migrator.migrateToLatest()
    const failed = results?.find((r) => r.status === 'Error')
    if (error || failed) {
      throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
    }
    if (sqlite) {
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(db.kysely)
      if (broken.rows.length > 0) throw new Error(`Migration left rows without their parent in ${broken.rows[0].table}`)
    }
  } finally {
    if (sqlite) await sql`pragma foreign_keys = on`.execute(db.kysely)
  }
}
