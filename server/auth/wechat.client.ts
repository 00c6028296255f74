import { z } from 'zod'
import { DomainError } from '../http/errors'
import { missingCredentials } from './wechat-settings'

export interface WechatSession {
  openid: string
  sessionKey: string
  unionid?: string
}

export interface WechatSettings {
  appid: string
  secret: string
  apiBase: string
  timeoutMs: number
}

const code2SessionSchema = z.object({
  openid: z.string().optional(),
  session_key: z.string().optional(),
  unionid: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
})

/**
 * Exchanges a `wx.login` code for the user's openid (auth.code2Session). Runs only on the server:
 * the app secret and the session key never reach the mini-program.
 */
export async function code2Session(settings: WechatSettings, code: string): Promise<WechatSession> {
  // Without the mini-program's credentials WeChat can only refuse: answer at once instead of holding the request.
  if (missingCredentials(settings).length > 0) throw unavailable()
  const url = new URL('/sns/jscode2session', settings.apiBase)
  url.search = new URLSearchParams({
    appid: settings.appid,
    secret: settings.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString()

  let body: unknown
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(settings.timeoutMs) })
    body = await response.json()
  } catch {
    throw unavailable()
  }

  const parsed = code2SessionSchema.safeParse(body)
  if (!parsed.success) throw unavailable()
  const { errcode, openid, session_key, unionid } = parsed.data
  if (errcode) throw wechatError(errcode)
  if (!openid || !session_key) throw unavailable()
  return { openid, sessionKey: session_key, unionid }
}

// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
function wechatError(errcode: number): DomainError {
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code already used
      return new DomainError('wechat_code_invalid', '登录凭证已失效，请重新进入小程序')
    case 45011: // frequency limit
      return new DomainError('wechat_rate_limited', '登录太频繁，请一分钟后再试')
    case 40226: // high-risk user blocked
      return new DomainError('wechat_user_blocked', '该微信账号暂时无法登录，请联系社区工作人员')
    default:
      return unavailable()
  }
}

const unavailable = () => new DomainError('wechat_unavailable', '微信登录服务暂时无法连接，请稍后再试')
