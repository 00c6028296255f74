import { wechatSettingsLine } from '../../server/auth/wechat-settings'
import { loadConfig } from '../../server/config'

describe('the start line about WeChat settings', () => {
  it('names the missing credentials and templates, and what that turns off', () => {
    expect(wechatSettingsLine(loadConfig({}))).toBe(
      'WeChat: WECHAT_APPID, WECHAT_SECRET not set: WeChat login answers 503 wechat_unavailable; ' +
        'WECHAT_TEMPLATE_BOOKED, WECHAT_TEMPLATE_REMINDER, WECHAT_TEMPLATE_CANCELLED not set: those notices stay in the app',
    )
  })

  it('names only what is missing and never prints a value', () => {
    const line = wechatSettingsLine(
      loadConfig({ WECHAT_APPID: 'wx-app-0001', WECHAT_SECRET: 'very-secret-value', WECHAT_TEMPLATE_BOOKED: 'tpl-booked' }),
    )
    expect(line).toBe('WeChat: WECHAT_TEMPLATE_REMINDER, WECHAT_TEMPLATE_CANCELLED not set: those notices stay in the app')
    expect(line).not.toContain('very-secret-value')
    expect(line).not.toContain('wx-app-0001')
  })

  it('counts a blank value as missing', () => {
    expect(wechatSettingsLine(loadConfig({ WECHAT_APPID: '  ', WECHAT_SECRET: 's' }))).toMatch(/^WeChat: WECHAT_APPID not set/)
  })

  it('says nothing when everything is set', () => {
    const all = { WECHAT_APPID: 'a', WECHAT_SECRET: 's', WECHAT_TEMPLATE_BOOKED: 'b', WECHAT_TEMPLATE_REMINDER: 'r', WECHAT_TEMPLATE_CANCELLED: 'c' }
    expect(wechatSettingsLine(loadConfig(all))).toBeNull()
  })
})
