import Taro from '@tarojs/taro'
import { loginResultSchema, meSchema, type LoginResult, type Me } from '@shared/auth'
import { ApiError } from './api-error'
import { apiRequest } from './client'

const DEV_IDENTITY_KEY = 'doorstep.devIdentity'

/**
 * Signs in the way the platform allows: on WeChat with a `wx.login` code (the server exchanges it); in the
 * browser build with the development login, under an identity kept in this browser.
 */
export async function signIn(): Promise<LoginResult> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    return apiRequest(loginResultSchema, '/auth/wechat', { method: 'POST', body: { code } })
  }
  return apiRequest(loginResultSchema, '/auth/dev', { method: 'POST', body: { openid: browserIdentity() } })
}

export const fetchMe = (token: string): Promise<Me> => apiRequest(meSchema, '/me', { token })

export const isExpiredSession = (err: unknown): boolean => err instanceof ApiError && err.status === 401

function browserIdentity(): string {
  const existing: unknown = Taro.getStorageSync(DEV_IDENTITY_KEY)
  if (typeof existing === 'string' && existing) return existing
  const created = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  Taro.setStorageSync(DEV_IDENTITY_KEY, created)
  return created
}
