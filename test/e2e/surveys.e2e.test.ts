import type { Browser } from 'playwright-core'
import { grantStaff } from '../../server/staff/staff-grants'
import { addDays, shanghaiDate } from '../../server/time/shanghai'
import { devLogin } from '../support/app'
import { phoneSignedIn, shot, useServedBrowser, visible } from '../support/browser'

jest.setTimeout(120_000)

// 需求征集: the clerk of 新华路街道 opens a survey in 设施管理 (a past closing day first: told at the field, nothing
// lost); a resident answers it from 我的 (submitting too early is told what is missing), once; the clerk closes it and
// the resident reads the counts.
describe('a 需求征集 from the street office to the residents and back, in chromium', () => {
  const session = useServedBrowser()

  const phoneOf = (openid: string) => phoneSignedIn(session.page().context().browser() as Browser, openid)

  beforeAll(async () => {
    const { app, store } = session.served()
    await devLogin(app, 'survey-e2e-resident')
    await devLogin(app, 'survey-e2e-street')
    await grantStaff(store.db.kysely, { user: 'dev:survey-e2e-street', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, app.now())
  })

  it('is opened, answered once and read', async () => {
    const today = shanghaiDate(session.served().app.now())
    const clerk = await phoneOf('survey-e2e-street')
    await clerk.goto(`${session.served().baseUrl}/#/packages/staff/facilities/index`)
    const card = visible(clerk, '[aria-label="需求征集"]')
    await card.locator('input[aria-label="标题"]').fill('2027 年家门口服务需求征集')
    await card.locator('input[aria-label^="截止日期"]').fill(addDays(today, -1))
    await card.locator('.button', { hasText: '发起需求征集' }).click()
    await card.locator('[role="alert"]', { hasText: '截止日期不能早于今天' }).waitFor()
    expect(await card.locator('input[aria-label="标题"]').inputValue()).toBe('2027 年家门口服务需求征集')
    await card.locator('input[aria-label^="截止日期"]').fill(addDays(today, 10))
    await card.locator('.button', { hasText: '发起需求征集' }).click()
    await card.locator('.admin__line', { hasText: '征集中 · 0 人填写' }).waitFor()
    await shot(clerk, 'survey-opened')

    const resident = await phoneOf('survey-e2e-resident')
    // The same survey open in a second tab, to be sent from there after the first tab sent it.
    const secondTab = await resident.context().newPage()
    await resident.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible(resident, '.button', '需求征集').click()
    await visible(resident, '[role="link"]', '2027 年家门口服务需求征集').click()
    await visible(resident, '[role="radiogroup"]', '红旗社区').waitFor()
    await secondTab.goto(resident.url())
    await visible(secondTab, '[role="radiogroup"]', '红旗社区').waitFor()
    await visible(resident, '[role="radio"]', '红旗社区').click()
    await visible(resident, '.button', /^提交$/).click()
    await visible(resident, '[role="status"]', '请至少选择一项需要的服务').waitFor()
    // Said at the question too, which the page scrolls to.
    const question = visible(resident, '#survey-services [role="alert"]', '请至少选择一项需要的服务')
    await question.waitFor()
    expect(await question.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight })).toBe(true)
    await visible(resident, '[role="checkbox"]', '社区助餐').click()
    await question.waitFor({ state: 'detached' })
    await visible(resident, '[role="checkbox"]', '养老服务').click()
    // Keyboard: the checkbox takes Space, as a checkbox does.
    await visible(resident, '[role="checkbox"]', '周末').focus()
    await resident.keyboard.press('Space')
    expect(await visible(resident, '[role="checkbox"]', '周末').getAttribute('aria-checked')).toBe('true')
    await visible(resident, '[role="radio"]', '每次 10 元以内').click()
    await resident.locator('textarea:visible').first().fill('希望周末也有午餐')
    await visible(resident, '.button', /^提交$/).focus()
    await resident.keyboard.press('Enter')
    await visible(resident, '.section-title', '您已填写，谢谢').waitFor()
    await shot(resident, 'survey-answered')
    // The second tab, opened before: its 提交 finds the answer there and thanks, rather than refusing.
    await visible(secondTab, '[role="radio"]', '人民东路社区').click()
    await visible(secondTab, '[role="checkbox"]', '儿童托管').click()
    await visible(secondTab, '[role="checkbox"]', '工作日晚上').click()
    await visible(secondTab, '[role="radio"]', '只用免费的').click()
    await visible(secondTab, '.button', /^提交$/).click()
    await visible(secondTab, '.section-title', '您已填写，谢谢').waitFor()
    await secondTab.close()
    // Back to the list, and in again after a reload: answered once, said so.
    await resident.reload()
    await visible(resident, '.section-title', '您已填写，谢谢').waitFor()

    await clerk.reload()
    const again = visible(clerk, '[aria-label="需求征集"]')
    await again.locator('.admin__line', { hasText: '1 人填写' }).waitFor()
    await again.locator('.admin__line', { hasText: '需要最多：养老服务 1 人、社区助餐 1 人' }).waitFor()
    // Final, so asked first.
    await again.locator('.button', { hasText: '现在截止' }).click()
    await again.locator('.button', { hasText: '确定截止' }).click()
    await again.locator('.admin__line', { hasText: '已截止' }).waitFor()

    await resident.reload()
    await visible(resident, '.section-title', '征集结果').waitFor()
    await visible(resident, '.survey__count', '社区助餐：1 人（100%）').waitFor()
    expect(await resident.locator('.page:visible').innerText()).not.toContain('希望周末也有午餐')
    await shot(resident, 'survey-results')
  })
})
