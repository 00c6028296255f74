import type { Kysely } from 'kysely'

// The mini-program's WeChat access token, shared by every instance: WeChat limits fetches a day, and a token
// fetched by one instance makes the one another holds expire within minutes, so each instance fetching its own
// would keep invalidating the others'.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wechat_access_tokens')
    .addColumn('appid', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wechat_access_tokens').execute()
}
