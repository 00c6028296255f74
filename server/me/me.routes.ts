import { meSchema } from '@shared/auth'
import { familyMemberSchema, memberCreateSchema, memberIdParamsSchema, memberListSchema, memberUpdateSchema } from '@shared/member'
import type { AppInstance } from '../app-instance'
import { authenticate, toUser } from '../auth/auth.service'
import { listFamilyMembers } from './family-member.repository'
import { addMember, changeMember, getMember, removeMember } from './family-member.service'

export async function meRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const caller = (authorization: string | undefined) => authenticate(db, authorization)

  app.get('/me', { schema: { response: { 200: meSchema } } }, async (request) => {
    const user = await caller(request.headers.authorization)
    return { user: toUser(user), members: await listFamilyMembers(db, user.id) }
  })

  app.get('/me/members', { schema: { response: { 200: memberListSchema } } }, async (request) => ({
    members: await listFamilyMembers(db, (await caller(request.headers.authorization)).id),
  }))

  app.post(
    '/me/members',
    { schema: { body: memberCreateSchema, response: { 201: familyMemberSchema } } },
    async (request, reply) => {
      const user = await caller(request.headers.authorization)
      return reply.code(201).send(await addMember(db, user.id, request.body, app.now()))
    },
  )

  app.get(
    '/me/members/:id',
    { schema: { params: memberIdParamsSchema, response: { 200: familyMemberSchema } } },
    async (request) => getMember(db, (await caller(request.headers.authorization)).id, request.params.id),
  )

  app.patch(
    '/me/members/:id',
    { schema: { params: memberIdParamsSchema, body: memberUpdateSchema, response: { 200: familyMemberSchema } } },
    async (request) =>
      changeMember(db, (await caller(request.headers.authorization)).id, request.params.id, request.body, app.now()),
  )

  app.delete('/me/members/:id', { schema: { params: memberIdParamsSchema } }, async (request, reply) => {
    await removeMember(db, (await caller(request.headers.authorization)).id, request.params.id)
    return reply.code(204).send()
  })
}
