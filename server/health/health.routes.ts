import { healthSchema } from '@shared/health'
import { sql } from 'kysely'
import type { AppInstance } from '../app-instance'

export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get('/health', { config: { access: 'public' }, schema: { response: { 200: healthSchema, 503: healthSchema } } }, async (_request, reply) => {
    const reachable = await sql`select 1`
      .execute(app.db.kysely)
      .then(() => true)
      .catch(() => false)
    return reply
      .status(reachable ? 200 : 503)
      .send({ status: reachable ? 'ok' : 'degraded', database: { kind: app.db.kind, reachable } })
  })
}
