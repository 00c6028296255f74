import { accountDeletionSchema, accountExportSchema } from '@shared/account'
import { meSchema } from '@shared/auth'
import { familyMemberSchema, memberCreateSchema, memberIdParamsSchema, memberListSchema, memberUpdateSchema } from '@shared/member'
import type { AppInstance } from '../app-instance'
import { toUser } from '../auth/auth.service'
import { callerOf } from '../http/access-hook'
import { shanghaiDate } from '../time/shanghai'
import { deleteAccount } from './account-deletion.service'
import { exportAccount } from './account-export.service'
import { listFamilyMembers } from './family-member.repository'
import { addMember, changeMember, getMember, removeMember } from './family-member.service'

export async function meRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const resident = { access: 'resident' } as const

  app.get('/me', { config: resident, schema: { response: { 200: meSchema } } }, async (request) => {
    const { user } = callerOf(request)
    return { user: toUser(user), members: await listFamilyMembers(db, user.id, shanghaiDate(app.now())) }
  })

  // 导出我的数据 and 注销账号 (个人信息保护法 §45, §47).
  app.get('/me/export', { config: resident, schema: { response: { 200: accountExportSchema } } }, async (request) =>
    exportAccount(db, callerOf(request).user, app.now()),
  )

  // A body that says so: an account is never deleted by a stray request.
  app.post('/me/deletion', { config: resident, schema: { body: accountDeletionSchema } }, async (request, reply) => {
    await deleteAccount(db, callerOf(request).user, app.now())
    return reply.code(204).send()
  })

  app.get('/me/members', { config: resident, schema: { response: { 200: memberListSchema } } }, async (request) => ({
    members: await listFamilyMembers(db, callerOf(request).user.id, shanghaiDate(app.now())),
  }))

  app.post(
    '/me/members',
    { config: resident, schema: { body: memberCreateSchema, response: { 201: familyMemberSchema } } },
    async (request, reply) => reply.code(201).send(await addMember(db, callerOf(request).user.id, request.body, app.now())),
  )

  app.get(
    '/me/members/:id',
    { config: resident, schema: { params: memberIdParamsSchema, response: { 200: familyMemberSchema } } },
    async (request) => getMember(db, callerOf(request).user.id, request.params.id, app.now()),
  )

  app.patch(
    '/me/members/:id',
    { config: resident, schema: { params: memberIdParamsSchema, body: memberUpdateSchema, response: { 200: familyMemberSchema } } },
    async (request) => changeMember(db, callerOf(request).user.id, request.params.id, request.body, app.now()),
  )

  app.delete('/me/members/:id', { config: resident, schema: { params: memberIdParamsSchema } }, async (request, reply) => {
    await removeMember(db, callerOf(request).user.id, request.params.id, app.now())
    return reply.code(204).send()
  })
}
