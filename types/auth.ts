import { z } from 'zod'
import { familyMemberSchema } from './member'

export const ROLES = ['resident', 'operator_staff', 'government_staff'] as const
export const roleSchema = z.enum(ROLES, { error: () => `角色应为 ${ROLES.join('、')} 之一` })
export type Role = z.infer<typeof roleSchema>

export const wechatLoginBodySchema = z.strictObject({
  code: z.string({ error: '应为文字' }).min(1, { error: '不能为空' }).max(128, { error: '太长了，请重新进入小程序' }),
})

export const devLoginBodySchema = z.strictObject({
  openid: z
    .string({ error: '应为文字' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '只能包含字母、数字、下划线和短横线，最长 64 位' }),
  role: roleSchema.optional(),
})

export const userSchema = z.object({
  id: z.string(),
  role: roleSchema,
  nickname: z.string().nullable(),
  createdAt: z.string(),
})
export type User = z.infer<typeof userSchema>

export const loginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
})
export type LoginResult = z.infer<typeof loginResultSchema>

/** 退出所有设备: every session of the caller ended, this one included; `ended` says how many. */
export const logoutAllResultSchema = z.object({ ok: z.literal(true), ended: z.number().int().min(0) })
export type LogoutAllResult = z.infer<typeof logoutAllResultSchema>

export const meSchema = z.object({
  user: userSchema,
  members: z.array(familyMemberSchema),
})
export type Me = z.infer<typeof meSchema>
