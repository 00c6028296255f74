import { devLoginBodySchema, loginResultSchema, logoutAllResultSchema, wechatLoginBodySchema } from '@shared/auth'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import { loginForDevelopment, loginWithWechat, logout, logoutEverywhere } from './auth.service'
import { wechatSettings } from './wechat-settings'

export async function authRoutes(app: AppInstance): Promise<void> {
  const { config } = app
  const policy = { ttlDays: config.SESSION_TTL_DAYS, perUser: config.SESSIONS_PER_USER }
  const wechat = wechatSettings(config)
  const open = { access: 'public' } as const

  app.post(
    '/auth/wechat',
    { config: open, schema: { body: wechatLoginBodySchema, response: { 200: loginResultSchema } } },
    async (request) => loginWithWechat(app.db.kysely, wechat, policy, request.body.code, app.now()),
  )

  if (config.AUTH_DEV_LOGIN) {
    app.post(
      '/auth/dev',
      { config: open, schema: { body: devLoginBodySchema, response: { 200: loginResultSchema } } },
      async (request) => loginForDevelopment(app.db.kysely, policy, request.body.openid, request.body.role, app.now()),
    )
  }

  // Public: signing out with a token that has already expired still succeeds.
  app.post('/auth/logout', { config: open, schema: { response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) => {
    await logout(app.db.kysely, request.headers.authorization, app.now())
    return { ok: true as const }
  })

  // 退出所有设备: a lost phone's session ends with the others; the caller signs in again here too.
  app.post(
    '/auth/logout-all',
    { config: { access: 'resident' }, schema: { response: { 200: logoutAllResultSchema } } },
    async (request) => ({ ok: true as const, ended: await logoutEverywhere(app.db.kysely, callerOf(request).user.id, app.now()) }),
  )
}
