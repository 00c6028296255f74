import type { Browser } from 'playwright-core'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { phoneSignedIn, shot, useServedBrowser, visible } from '../support/browser'

jest.setTimeout(90_000)

// A resident complains about a price at 红旗社区 (too short a text first: told why, nothing lost, not even by a
// reload); the clerk of 新华路街道
// answers in 设施管理; the resident reads the answer in 我的意见 and accepts it.
describe('a price complaint and its answer in chromium', () => {
  const session = useServedBrowser()

  const phoneOf = (openid: string) => phoneSignedIn(session.page().context().browser() as Browser, openid)

  beforeAll(async () => {
    const { app, store } = session.served()
    await devLogin(app, 'feedback-e2e-resident')
    await devLogin(app, 'feedback-e2e-street')
    await grantStaff(store.db.kysely, { user: 'dev:feedback-e2e-street', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, app.now())
  })

  it('goes from the resident to the street office and back', async () => {
    const resident = await phoneOf('feedback-e2e-resident')
    await resident.goto(`${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-hongqi`)
    await visible(resident, '.button', '意见建议 · 价格投诉').click()
    await visible(resident, '[role="radio"]', '价格投诉').click()
    const text = visible(resident, 'textarea[aria-label="内容"], [aria-label="内容"] textarea')
    await text.fill('太贵')
    await visible(resident, '.button', /^提交$/).click()
    await visible(resident, '[role="status"]', '内容至少 5 个字').waitFor()
    await text.fill('午餐从 12 元涨到 15 元，没有提前公示')
    // A reload (a call came in, the app was closed) keeps what was typed.
    await resident.reload()
    await visible(resident, '[role="radio"]', '价格投诉').click()
    expect(await text.inputValue()).toBe('午餐从 12 元涨到 15 元，没有提前公示')
    await visible(resident, '.button', /^提交$/).focus()
    await resident.keyboard.press('Enter')
    await visible(resident, '.section-title', '已提交').waitFor()
    await shot(resident, 'feedback-sent')
    // Sent, the draft is gone: a new message starts empty.
    await resident.reload()
    expect(await text.inputValue()).toBe('')

    const clerk = await phoneOf('feedback-e2e-street')
    await clerk.goto(`${session.served().baseUrl}/#/packages/staff/facilities/index`)
    const card = visible(clerk, '[aria-label="居民意见"]')
    await card.locator('.admin__line', { hasText: '没有提前公示' }).waitFor()
    await card.locator('textarea').first().fill('已核实：涨价未公示，已要求运营方恢复 12 元并公示')
    await card.locator('.button', { hasText: '答复' }).first().click()
    await card.locator('[role="status"]', { hasText: '已答复' }).waitFor()
    await shot(clerk, 'feedback-answered')

    await resident.goto(`${session.served().baseUrl}/#/packages/member/feedback/index`)
    await visible(resident, '.my-feedback__answer', '恢复 12 元').waitFor()
    await visible(resident, '.button', '认可答复').click()
    await visible(resident, '.my-feedback__line', '已认可答复').waitFor()
    await shot(resident, 'feedback-accepted')
  })
})
