import { meSchema } from '@shared/auth'
import type { AppInstance } from '../app-instance'
import { authenticate, toUser } from '../auth/auth.service'
import { listFamilyMembers } from './family-member.repository'

export async function meRoutes(app: AppInstance): Promise<void> {
  app.get('/me', { schema: { response: { 200: meSchema } } }, async (request) => {
    const user = await authenticate(app.db.kysely, request.headers.authorization)
    return { user: toUser(user), members: await listFamilyMembers(app.db.kysely, user.id) }
  })
}
