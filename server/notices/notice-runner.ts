import { wechatSettings } from '../auth/wechat-settings'
import type { Config } from '../config'
import type { Db } from '../db/connection'
import { every } from '../jobs/every'
import { instanceId } from '../jobs/instance'
import { deliverDue, type SenderSettings } from './notice-sender'
import { AccessTokens } from './wechat-access-token'

/** The sender's settings; with the database, the WeChat access token is the one every instance shares. */
export function senderSettings(config: Config, db?: Db): SenderSettings {
  const wechat = wechatSettings(config)
  return {
    wechat,
    templates: {
      booking_confirmed: config.WECHAT_TEMPLATE_BOOKED,
      booking_reminder: config.WECHAT_TEMPLATE_REMINDER,
      cancelled_by_facility: config.WECHAT_TEMPLATE_CANCELLED,
      // An offer and its expiry say the same four things as a booking and a cancellation.
      waitlist_offer: config.WECHAT_TEMPLATE_BOOKED,
      waitlist_expired: config.WECHAT_TEMPLATE_CANCELLED,
      // A suspension after no-shows is news about the booking that tipped it, sent on the one-time subscription
      // the resident gave at that booking's tap for changes by the facility (which that booking did not use).
      booking_suspended: config.WECHAT_TEMPLATE_CANCELLED,
      suspension_lifted: config.WECHAT_TEMPLATE_CANCELLED,
    },
    tokens: new AccessTokens(wechat, db?.kysely),
    maxAttempts: 5,
    backoffMs: 30_000,
    holder: instanceId,
    leaseMs: config.NOTICE_LEASE_MS,
  }
}

/** Sends due notices every interval, one round at a time; returns a stop function. */
export function startNoticeSender(db: Db, config: Config, clock: () => Date, log: (err: unknown) => void): () => void {
  const settings = senderSettings(config, db)
  return every(config.NOTICE_SEND_INTERVAL_MS, () => deliverDue(db, settings, clock()), log)
}
