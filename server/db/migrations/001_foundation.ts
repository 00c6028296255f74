import { type Kysely, sql } from 'kysely'

// Types are chosen to mean the same in SQLite and PostgreSQL: text ids and ISO timestamps, integer flags.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('streets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('resettled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('operators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('area_sqm', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('investment_wan', 'double precision', (c) => c.notNull())
    .addColumn('operating_models', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.references('operators.id'))
    .addColumn('phone', 'text')
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('coordinates_approximate', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_reserve', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data_note', 'text')
    .execute()

  await db.schema
    .createTable('facility_functions')
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('facility_functions_pk', ['facility_id', 'function_code'])
    .execute()
  await db.schema
    .createIndex('facility_functions_by_function')
    .on('facility_functions')
    .columns(['function_code', 'facility_id'])
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('openid', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) =>
      c.notNull().defaultTo('resident').check(sqlIn('role', ['resident', 'operator_staff', 'government_staff'])),
    )
    .addColumn('nickname', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('wechat_session_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('auth_sessions_by_user').on('auth_sessions').column('user_id').execute()

  await db.schema
    .createTable('family_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('family_members_by_owner').on('family_members').column('owner_user_id').execute()
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'family_members',
    'auth_sessions',
    'users',
    'facility_functions',
    'facilities',
    'operators',
    'communities',
    'streets',
    'districts',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
