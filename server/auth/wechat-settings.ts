import type { Config } from '../config'
import type { WechatSettings } from './wechat.client'

/** How the server reaches WeChat, from the configuration: one place for login and subscribe messages. */
export function wechatSettings(config: Config): WechatSettings {
  return {
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    apiBase: config.WECHAT_API_BASE,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
  }
}

/** The credentials WeChat needs that are not set; without them no call to WeChat can succeed. */
export function missingCredentials(settings: Pick<WechatSettings, 'appid' | 'secret'>): string[] {
  return [
    ...(settings.appid.trim() ? [] : ['WECHAT_APPID']),
    ...(settings.secret.trim() ? [] : ['WECHAT_SECRET']),
  ]
}

const TEMPLATE_SETTINGS = ['WECHAT_TEMPLATE_BOOKED', 'WECHAT_TEMPLATE_REMINDER', 'WECHAT_TEMPLATE_CANCELLED'] as const

/**
 * One line for the start: which WeChat settings are missing and what that turns off; null when all are set.
 * Names only, never a value: the line goes to logs.
 */
export function wechatSettingsLine(config: Config): string | null {
  const credentials = missingCredentials(wechatSettings(config))
  const templates = TEMPLATE_SETTINGS.filter((name) => !config[name].trim())
  if (credentials.length === 0 && templates.length === 0) return null
  const parts = [
    ...(credentials.length ? [`${credentials.join(', ')} not set: WeChat login answers 503 wechat_unavailable`] : []),
    ...(templates.length ? [`${templates.join(', ')} not set: those notices stay in the app`] : []),
  ]
  return `WeChat: ${parts.join('; ')}`
}
