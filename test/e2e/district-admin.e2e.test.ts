import type { Page } from 'playwright-core'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { phoneContext, shot, useServedBrowser } from '../support/browser'

jest.setTimeout(90_000)

// A clerk of 新华路街道 opens 设施管理 in the 工作台, types a wrong phone number (told why, nothing saved), then the
// right one and new hours; a resident opening 红旗社区 sees them at once; the change is in 修改记录.
describe('the street office keeps its facilities in chromium', () => {
  const session = useServedBrowser()
  let page: Page

  beforeAll(async () => {
    page = session.page()
    const { app, store } = session.served()
    await devLogin(app, 'admin-e2e-street')
    await grantStaff(store.db.kysely, { user: 'dev:admin-e2e-street', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, app.now())
    await page.addInitScript(() => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'admin-e2e-street' })))
  })

  const visible = (selector: string, text?: string) => page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const field = (label: string) => visible(`input[aria-label="${label}"], [aria-label="${label}"] input`)

  it('refuses a wrong phone number at the field, then saves the right one and new hours', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.button', '进入工作台').click()
    await visible('.button', '设施管理').click()
    await visible('.button', '修改红旗社区').click()
    await field('电话').fill('8686')
    await visible('.button', '保存').click()
    await visible('.text-field__error', '电话格式不正确').waitFor()
    await shot(page, 'admin-facility-error')

    await field('电话').fill('029-86861234')
    await field('第 1 段 开放日').fill('周一至周六')
    await field('开门').fill('07:30')
    await visible('.button', '保存').click()
    await visible('.admin__message--ok', '已保存').waitFor()
    await visible('.admin__change', '电话：（空） → 029-86861234').waitFor()
    await shot(page, 'admin-facility-saved')
  })

  it('shows the new phone and hours to a resident at once', async () => {
    const resident = await (await phoneContext(page.context().browser()!)).newPage()
    await resident.goto(`${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-hongqi`)
    await resident.locator('text=029-86861234').first().waitFor()
    await resident.locator('text=周一至周六').first().waitFor()
    await resident.close()
  })
})
