import type { Kysely } from 'kysely'
import type { WechatSettings } from '../auth/wechat.client'
import type { Database } from '../db/schema'
import type { NoticeKind } from './notice-kinds'
import { dueNotices, recordDelivery } from './notice.repository'
import type { AccessTokens } from './wechat-access-token'

export interface SenderSettings {
  wechat: WechatSettings
  /** Template id per kind; a kind without one is only shown in the app. */
  templates: Partial<Record<NoticeKind, string>>
  tokens: AccessTokens
  maxAttempts: number
  /** First retry after this long, doubling each time. */
  backoffMs: number
}

export interface DeliveryReport {
  sent: number
  retried: number
  dead: number
  skipped: number
}

type Outcome = { ok: true } | { ok: false; retry: boolean; tokenRejected?: boolean; notSubscribed?: boolean; error: string }

// errcodes of subscribeMessage.send: a stale token is refreshed and tried again; a resident who did not
// subscribe (43101) is not retried; anything else about the request itself will not get better by retrying.
const TOKEN_REJECTED = new Set([40001, 40014, 42001])
const NOT_SUBSCRIBED = 43101

async function send(settings: SenderSettings, token: string, message: object): Promise<Outcome> {
  const url = new URL('/cgi-bin/message/subscribe/send', settings.wechat.apiBase)
  url.search = new URLSearchParams({ access_token: token }).toString()
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(settings.wechat.timeoutMs),
    })
  } catch (err) {
    return { ok: false, retry: true, error: `network: ${(err as Error).name}` }
  }
  if (response.status >= 500) return { ok: false, retry: true, error: `HTTP ${response.status}` }
  const body = (await response.json().catch(() => ({}))) as { errcode?: number; errmsg?: string }
  if (!body.errcode) return { ok: true }
  if (TOKEN_REJECTED.has(body.errcode)) return { ok: false, retry: true, tokenRejected: true, error: `errcode ${body.errcode}` }
  if (body.errcode === NOT_SUBSCRIBED) return { ok: false, retry: false, notSubscribed: true, error: 'errcode 43101（未订阅）' }
  return { ok: false, retry: false, error: `errcode ${body.errcode} ${body.errmsg ?? ''}`.trim() }
}

/**
 * Sends the notices that are due as WeChat subscribe messages. A 5xx or a network failure is retried later with
 * a doubling delay, up to `maxAttempts`, then the notice is dead (kept, with its last error, for staff to see);
 * a rejected token is refreshed and the message sent again at once.
 */
export async function deliverDue(db: Kysely<Database>, settings: SenderSettings, now: Date): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, dead: 0, skipped: 0 }
  for (const notice of await dueNotices(db, now, 100)) {
    const template = settings.templates[notice.kind as NoticeKind]
    // WeChat openids are [A-Za-z0-9_-]; `dev:…` (development login) and `desk:…` (a facility's walk-in desk) are not.
    if (!template || notice.openid.includes(':')) {
      const error = template ? '不是微信账号（开发登录或设施代订）' : '未配置订阅消息模板'
      await recordDelivery(db, notice.id, { delivery: 'skipped', attempts: notice.attempts, error })
      report.skipped++
      continue
    }
    const fields = JSON.parse(notice.fields) as Record<string, string>
    const message = {
      touser: notice.openid,
      template_id: template,
      page: notice.booking_id ? `packages/booking/detail/index?id=${notice.booking_id}` : 'pages/bookings/index',
      data: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value }])),
      lang: 'zh_CN',
    }
    const attempts = notice.attempts + 1
    let outcome: Outcome
    try {
      outcome = await send(settings, await settings.tokens.get(now), message)
      if (!outcome.ok && outcome.tokenRejected) {
        settings.tokens.invalidate()
        outcome = await send(settings, await settings.tokens.get(now), message)
      }
    } catch (err) {
      outcome = { ok: false, retry: true, error: (err as Error).message }
    }

    if (outcome.ok) {
      await recordDelivery(db, notice.id, { delivery: 'sent', attempts })
      report.sent++
    } else if (outcome.retry && attempts < settings.maxAttempts) {
      const nextAttemptAt = new Date(now.getTime() + settings.backoffMs * 2 ** (attempts - 1))
      await recordDelivery(db, notice.id, { delivery: 'pending', attempts, nextAttemptAt, error: outcome.error })
      report.retried++
    } else if (outcome.notSubscribed) {
      await recordDelivery(db, notice.id, { delivery: 'skipped', attempts, error: outcome.error })
      report.skipped++
    } else {
      await recordDelivery(db, notice.id, { delivery: 'dead', attempts, error: outcome.error })
      report.dead++
    }
  }
  return report
}
