import { sessionListQuerySchema, sessionListSchema } from '@shared/booking'
import { facilityIdParamsSchema } from '@shared/facility'
import type { AppInstance } from '../app-instance'
import { listSessions } from './session.service'

export async function sessionRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/facilities/:id/sessions',
    {
      config: { access: 'public' },
      schema: { params: facilityIdParamsSchema, querystring: sessionListQuerySchema, response: { 200: sessionListSchema } },
    },
    async (request) =>
      listSessions(app.db.kysely, request.params.id, request.query.function, request.query.date, app.now()),
  )
}
