import Taro from '@tarojs/taro'
import type { LoginResult, Me } from '@shared/auth'
import { ApiError } from './api-error'
import { apiRequest, serverChecked } from './client'

// Signing in happens on the tab pages (WeChat main package): answers are read with `serverChecked`.

const DEV_IDENTITY_KEY = 'doorstep.devIdentity'

/**
 * Signs in the way the platform allows: on WeChat with a `wx.login` code (the server exchanges it); in the
 * browser build with the development login, under an identity kept in this browser.
 */
export async function signIn(): Promise<LoginResult> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    return apiRequest(serverChecked<LoginResult>(), '/auth/wechat', { method: 'POST', body: { code } })
  }
  return apiRequest(serverChecked<LoginResult>(), '/auth/dev', { method: 'POST', body: { openid: browserIdentity() } })
}

export const fetchMe = (token: string): Promise<Me> => apiRequest(serverChecked<Me>(), '/me', { token })

export const isExpiredSession = (err: unknown): boolean => err instanceof ApiError && err.status === 401

function browserIdentity(): string {
  const existing: unknown = Taro.getStorageSync(DEV_IDENTITY_KEY)
  if (typeof existing === 'string' && existing) return existing
  const created = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  Taro.setStorageSync(DEV_IDENTITY_KEY, created)
  return created
}
