import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { WechatSettings } from '../auth/wechat.client'
import type { Database } from '../db/schema'

const tokenSchema = z.object({
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
})

const EARLY_MS = 5 * 60_000

interface HeldToken {
  token: string
  expiresAt: number
}

/**
 * The mini-program's access token (auth.getAccessToken), fetched once and reused until five minutes before it
 * expires, or until WeChat says it is no longer valid. With a database it is kept there, shared by every instance
 * (WeChat allows a limited number of fetches a day, and a new token soon ends the old one); without one, in this
 * object.
 */
export class AccessTokens {
  private cached: HeldToken | null = null
  /** The token last handed out: the one a rejection is about. */
  private last: string | null = null
  fetches = 0

  constructor(
    private readonly settings: WechatSettings,
    private readonly db?: Kysely<Database>,
  ) {}

  async get(now: Date): Promise<string> {
    const held = this.db ? await this.shared() : this.cached
    if (held && held.expiresAt - EARLY_MS > now.getTime()) {
      this.last = held.token
      return held.token
    }
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
    const fresh = { token: body.access_token, expiresAt: now.getTime() + (body.expires_in ?? 7200) * 1000 }
    if (this.db) {
      const row = { appid: this.settings.appid, token: fresh.token, expires_at: new Date(fresh.expiresAt).toISOString() }
      await this.db
        .insertInto('wechat_access_tokens')
        .values(row)
        .onConflict((oc) => oc.column('appid').doUpdateSet({ token: row.token, expires_at: row.expires_at }))
        .execute()
    } else this.cached = fresh
    this.last = fresh.token
    return fresh.token
  }

  /**
   * WeChat rejected the token last handed out (40001, 42001): the next `get` fetches a new one — unless another
   * instance already has, in which case that one is used.
   */
  async invalidate(): Promise<void> {
    this.cached = null
    if (this.db && this.last) {
      await this.db
        .deleteFrom('wechat_access_tokens')
        .where('appid', '=', this.settings.appid)
        .where('token', '=', this.last)
        .execute()
    }
  }

  private async shared(): Promise<HeldToken | null> {
    const row = await this.db
      ?.selectFrom('wechat_access_tokens')
      .select(['token', 'expires_at'])
      .where('appid', '=', this.settings.appid)
      .executeTakeFirst()
    return row ? { token: row.token, expiresAt: Date.parse(row.expires_at) } : null
  }
}
