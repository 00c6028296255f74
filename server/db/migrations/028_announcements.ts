import type { Kysely } from 'kysely'

// 公告 for residents of the district or of a street's communities, shown until read; and the community a resident
// says they live in, which decides what they are shown (nothing else is inferred from where they book).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('community_id', 'text', (c) => c.references('communities.id')).execute()
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    // NULL: every community of the district.
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('until_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await db.schema.createIndex('announcements_district_until').on('announcements').columns(['district_id', 'until_on']).execute()
  await db.schema
    .createTable('announcement_reads')
    .addColumn('announcement_id', 'text', (c) => c.notNull().references('announcements.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_reads_pk', ['announcement_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('announcement_reads').execute()
  await db.schema.dropTable('announcements').execute()
  await db.schema.alterTable('users').dropColumn('community_id').execute()
}
