import { z } from 'zod'
import type { WechatSettings } from '../auth/wechat.client'

const tokenSchema = z.object({
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
})

const EARLY_MS = 5 * 60_000

/**
 * The mini-program's access token (auth.getAccessToken), fetched once and reused until five minutes before it
 * expires, or until WeChat says it is no longer valid. One holder per process; WeChat allows a limited number of
 * fetches a day.
 */
export class AccessTokens {
  private cached: { token: string; expiresAt: number } | null = null
  fetches = 0

  constructor(private readonly settings: WechatSettings) {}

  async get(now: Date): Promise<string> {
    if (this.cached && this.cached.expiresAt - EARLY_MS > now.getTime()) return this.cached.token
    const url = new URL('/cgi-bin/token', this.settings.apiBase)
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: this.settings.appid,
      secret: this.settings.secret,
    }).toString()
    this.fetches++
    const response = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs) })
    if (!response.ok) throw new Error(`access token: HTTP ${response.status}`)
    const body = tokenSchema.parse(await response.json())
    if (!body.access_token) throw new Error(`access token: errcode ${body.errcode ?? '?'}`)
    this.cached = { token: body.access_token, expiresAt: now.getTime() + (body.expires_in ?? 7200) * 1000 }
    return body.access_token
  }

  /** WeChat rejected the token (40001, 42001): fetch a new one next time. */
  invalidate(): void {
    this.cached = null
  }
}
