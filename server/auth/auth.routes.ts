import { devLoginBodySchema, loginResultSchema, wechatLoginBodySchema } from '@shared/auth'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { loginForDevelopment, loginWithWechat, logout } from './auth.service'

export async function authRoutes(app: AppInstance): Promise<void> {
  const { config } = app
  const policy = { ttlDays: config.SESSION_TTL_DAYS }
  const wechat = {
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    apiBase: config.WECHAT_API_BASE,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
  }

  app.post(
    '/auth/wechat',
    { schema: { body: wechatLoginBodySchema, response: { 200: loginResultSchema } } },
    async (request) => loginWithWechat(app.db.kysely, wechat, policy, request.body.code),
  )

  if (config.AUTH_DEV_LOGIN) {
    app.post(
      '/auth/dev',
      { schema: { body: devLoginBodySchema, response: { 200: loginResultSchema } } },
      async (request) => loginForDevelopment(app.db.kysely, policy, request.body.openid, request.body.role),
    )
  }

  app.post('/auth/logout', { schema: { response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) => {
    await logout(app.db.kysely, request.headers.authorization)
    return { ok: true as const }
  })
}
