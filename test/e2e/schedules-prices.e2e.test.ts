import type { Page } from 'playwright-core'
import { operatorId } from '../../server/db/seed/ids'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { phoneContext, shot, useServedBrowser } from '../support/browser'

jest.setTimeout(90_000)

// The operator of 红旗社区 opens Saturdays of 日间照料 in 服务排期 at a weekend price (a wrong time first: told which
// day and why, nothing lost); a resident reads the new price in 价格公示 with the day it takes effect; the street
// office sees the change in 价格变动.
describe('a care schedule and its public price in chromium', () => {
  const session = useServedBrowser()
  let page: Page

  beforeAll(async () => {
    page = session.page()
    const { app, store } = session.served()
    for (const [openid, scopeKind, scopeId] of [
      ['schedule-e2e-operator', 'operator', operatorId('yl-hongqi')],
      ['schedule-e2e-street', 'street', 'yl-xinhualu'],
    ] as const) {
      await devLogin(app, openid)
      await grantStaff(store.db.kysely, { user: `dev:${openid}`, scopeKind, scopeId, grantedBy: 'test' }, app.now())
    }
    await page.addInitScript(() => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'schedule-e2e-operator' })))
  })

  const visible = (p: Page, selector: string, text?: string) => p.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const plan = () => visible(page, '[aria-label="服务排期"]')
  const field = (label: string) => plan().locator(`input[aria-label="${label}"]:visible, [aria-label="${label}"] input:visible`).first()

  it('opens Saturdays at a weekend price, with the keyboard, after a wrong time is refused', async () => {
    await page.goto(`${session.served().baseUrl}/#/packages/staff/index/index`)
    await plan().waitFor()
    await plan().locator('[role="radio"]', { hasText: '周六' }).click()
    const saturday = plan().locator('[role="switch"]', { hasText: '周六开放' })
    await saturday.focus()
    await page.keyboard.press('Enter')
    await field('开始').fill('16:00')
    await field('结束').fill('09:00')
    await field('名额').fill('8')
    await field('价格（元/天）').fill('35')
    await plan().locator('.button', { hasText: '保存并发布日间照料排期' }).click()
    await plan().locator('[role="status"]', { hasText: '周六的结束时间应晚于开始时间' }).waitFor()
    await shot(page, 'care-schedule-refused')
    // Nothing typed is lost: only the wrong time is corrected, then saved with Enter on the focused button.
    expect(await field('价格（元/天）').inputValue()).toBe('35')
    await field('开始').fill('09:00')
    await field('结束').fill('16:00')
    await plan().locator('.button', { hasText: '保存并发布日间照料排期' }).focus()
    await page.keyboard.press('Enter')
    await plan().locator('[role="status"]', { hasText: '已保存日间照料排期' }).waitFor()
    await plan().locator('.muted', { hasText: '已发布到' }).waitFor()
    await shot(page, 'care-schedule-saved')
  })

  it('shows the resident the new price, since when, and the history', async () => {
    const resident = await (await phoneContext(page.context().browser()!)).newPage()
    await resident.goto(`${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-hongqi`)
    const prices = visible(resident, '[aria-label="价格公示"]')
    await prices.locator('text=日间照料（周六）').waitFor()
    await prices.locator('text=35 元/天').first().waitFor()
    await prices.locator('.prices__since').first().waitFor()
    await visible(resident, '.button', '调价记录').click()
    await prices.locator('.prices__change', { hasText: '日间照料（周六）：新增 35 元/天' }).waitFor()
    await shot(resident, 'price-list')
    await resident.close()
  })

  it('shows the street office the change in 价格变动', async () => {
    // The clerk's own phone: a context of its own, signed in as the clerk.
    const context = await phoneContext(page.context().browser()!)
    await context.addInitScript(() => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'schedule-e2e-street' })))
    const clerk = await context.newPage()
    await clerk.goto(`${session.served().baseUrl}/#/packages/staff/facilities/index`)
    const changes = visible(clerk, '[aria-label="价格变动"]')
    await changes.locator('.admin__line', { hasText: /日间照料（周六）：新增 35 元.*（运营方修改）/ }).first().waitFor()
    await shot(clerk, 'price-changes')
    await clerk.close()
  })
})
