import type { WechatSettings } from '../auth/wechat.client'
import type { Db } from '../db/connection'
import type { NoticeKind } from './notice-kinds'
import { claimDueNotices, markAttempt, recordDelivery } from './notice.repository'
import type { AccessTokens } from './wechat-access-token'

export interface SenderSettings {
  wechat: WechatSettings
  /** Template id per kind; a kind without one is only shown in the app. */
  templates: Partial<Record<NoticeKind, string>>
  tokens: AccessTokens
  maxAttempts: number
  /** First retry after this long, doubling each time. */
  backoffMs: number
  /** This sender among the instances sharing the database (a lease names it). */
  holder: string
  /** How long a claimed batch is this sender's; a sender that dies leaves it to another once it expires. */
  leaseMs: number
}

/** Notices claimed at a time; a batch must be sent well within the lease (each send waits at most the timeout). */
const BATCH = 10
/** Notices handled in one round at most, so that a backlog does not hold a round forever. */
const ROUND = 100

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
 * Sends the notices that are due as WeChat subscribe messages. Each batch is claimed first (a lease, so that N
 * instances never send one notice twice) and each attempt is counted before its message goes out. A 5xx or a
 * network failure is retried later with a doubling delay, up to `maxAttempts`, then the notice is dead (kept, with
 * its last error, for staff to see); a rejected token is refreshed and the message sent again at once.
 */
export async function deliverDue(db: Db, settings: SenderSettings, now: Date): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, dead: 0, skipped: 0 }
  const leaseUntil = new Date(now.getTime() + settings.leaseMs)
  // The leases run from the round's instant: a slow round (WeChat timing out) stops claiming while half of the
  // lease is left, so no batch is still being sent when its lease runs out. Elapsed time, not a rule's "now".
  const started = performance.now()
  for (let handled = 0; handled < ROUND && performance.now() - started < settings.leaseMs / 2; ) {
    const batch = await claimDueNotices(db, { holder: settings.holder, now, leaseUntil, limit: BATCH })
    if (batch.length === 0) break
    for (const notice of batch) await deliverOne(db, settings, notice, now, report)
    handled += batch.length
  }
  return report
}

type ClaimedNotice = Awaited<ReturnType<typeof claimDueNotices>>[number]

async function deliverOne(db: Db, settings: SenderSettings, notice: ClaimedNotice, now: Date, report: DeliveryReport): Promise<void> {
  const kysely = db.kysely
  const { holder } = settings
  const template = settings.templates[notice.kind as NoticeKind]
  // WeChat openids are [A-Za-z0-9_-]; `dev:…` (development login) and `desk:…` (a facility's walk-in desk) are not.
  if (!template || notice.openid.includes(':')) {
    const error = template ? '不是微信账号（开发登录或设施代订）' : '未配置订阅消息模板'
    if (await recordDelivery(kysely, notice.id, holder, { delivery: 'skipped', error })) report.skipped++
    return
  }
  const fields = JSON.parse(notice.fields) as Record<string, string>
  const message = {
    touser: notice.openid,
    template_id: template,
    page: notice.booking_id ? `packages/booking/detail/index?id=${notice.booking_id}` : 'pages/bookings/index',
    data: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value }])),
    lang: 'zh_CN',
  }
  const attempts = await markAttempt(kysely, notice.id, holder)
  if (attempts === undefined) return
  let outcome: Outcome
  try {
    outcome = await send(settings, await settings.tokens.get(now), message)
    if (!outcome.ok && outcome.tokenRejected) {
      await settings.tokens.invalidate()
      outcome = await send(settings, await settings.tokens.get(now), message)
    }
  } catch (err) {
    outcome = { ok: false, retry: true, error: (err as Error).message }
  }

  if (outcome.ok) {
    await recordDelivery(kysely, notice.id, holder, { delivery: 'sent' })
    report.sent++
  } else if (outcome.retry && attempts < settings.maxAttempts) {
    const nextAttemptAt = new Date(now.getTime() + settings.backoffMs * 2 ** (attempts - 1))
    await recordDelivery(kysely, notice.id, holder, { delivery: 'pending', nextAttemptAt, error: outcome.error })
    report.retried++
  } else if (outcome.notSubscribed) {
    await recordDelivery(kysely, notice.id, holder, { delivery: 'skipped', error: outcome.error })
    report.skipped++
  } else {
    await recordDelivery(kysely, notice.id, holder, { delivery: 'dead', error: outcome.error })
    report.dead++
  }
}
