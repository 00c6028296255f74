import type { Page } from 'playwright-core'
import { grantStaff } from '../../server/staff/staff-grants'
import { addDays, shanghaiInstant } from '../../server/time/shanghai'
import { dayName } from '@/lib/dates'
import { devLogin } from '../support/app'
import { phoneContext, shot, useServedBrowser } from '../support/browser'
import { TestClock } from '../support/clock'

jest.setTimeout(120_000)

// 家政便民 at 航空二路社区: a resident asks for 保洁 tomorrow morning; the operator accepts it on the 工作台 for 09:30 at
// 50 元; on the day the desk checks the code in and completes it; the resident rates it like every other service.
describe('a home-service request from 保洁 to 好差评 in chromium', () => {
  const clock = new TestClock()
  const session = useServedBrowser({ clock: clock.now })
  let resident: Page
  let operator: Page
  const tomorrow = () => addDays(clock.today(), 1)

  const as = async (identity: string): Promise<Page> => {
    const page = await (await phoneContext(session.page().context().browser()!)).newPage()
    await page.clock.setFixedTime(clock.now())
    await page.addInitScript((id) => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: id })), identity)
    return page
  }
  const visible = (page: Page, selector: string, text?: string | RegExp) =>
    page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const pick = (page: Page, group: string, option: string | RegExp) =>
    page.locator(`[role="radiogroup"][aria-label="${group}"] .option:visible`, { hasText: option }).first().click()
  const field = (page: Page, label: string) => visible(page, `input[aria-label="${label}"], [aria-label="${label}"] input`)

  beforeAll(async () => {
    const { app, store } = session.served()
    await devLogin(app, 'home-e2e-resident')
    await devLogin(app, 'home-e2e-operator')
    await grantStaff(store.db.kysely, { user: 'dev:home-e2e-operator', scopeKind: 'operator', scopeId: 'yl-hangkong-erlu-operator', grantedBy: 'test' }, clock.now())
    resident = await as('home-e2e-resident')
    operator = await as('home-e2e-operator')
  })

  it('asks for 保洁 from the facility page and sees it waiting', async () => {
    await resident.goto(`${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-hangkong-erlu`)
    await visible(resident, '.button', '申请家政上门服务').click()
    await visible(resident, '.section-title', '申请上门服务').waitFor()
    // Nothing chosen: told what is missing, nothing sent.
    await visible(resident, '.button', '提交申请').click()
    await visible(resident, '[role="status"]', '请选择服务').waitFor()
    await pick(resident, '服务', '保洁')
    await pick(resident, '希望的日期', '明天')
    await pick(resident, '希望的时段', '上午 08:00')
    await field(resident, '上门地址').fill('华宇理想国小区 3 号楼 2 单元 501')
    await field(resident, '联系电话').fill('13912345678')
    await visible(resident, 'textarea').fill('厨房油烟机要清洗')
    await visible(resident, '.button', '提交申请').click()
    await visible(resident, '.home-service__status', '保洁 · 待受理').waitFor()
    await visible(resident, '.button', '取消申请').waitFor()
    await shot(resident, 'home-service-requested')
  })

  it('is accepted on the operator’s 工作台 with a time and a price, and shows as accepted to the resident', async () => {
    await operator.goto(`${session.served().baseUrl}/#/packages/staff/index/index`)
    const item = visible(operator, '.staff-controls__item', '保洁 · 待受理')
    await item.waitFor()
    await item.locator('.button', { hasText: '受理' }).first().click()
    expect(await field(operator, '上门日期').inputValue()).toBe(tomorrow())
    await field(operator, '上门时间').fill('09:30')
    await field(operator, '价格（元）').fill('50')
    await visible(operator, '.button', '确认受理').click()
    await visible(operator, '.staff-controls__item', `已受理 ${dayName(tomorrow())} 09:30`).waitFor()
    await shot(operator, 'home-service-accepted')

    await resident.reload()
    await visible(resident, '.home-service__status', `保洁 · 已受理 ${dayName(tomorrow())} 09:30`).waitFor()
    expect(await resident.locator('.button:visible', { hasText: '取消申请' }).count()).toBe(0)
    await visible(resident, '.button', '查看预约').click()
    await visible(resident, '.section-title', '家政便民 · 保洁').waitFor()
  })

  it('is checked in and completed at the desk on its day, then rated by the resident', async () => {
    const { store } = session.served()
    const booking = await store.db.kysely.selectFrom('bookings').select(['id', 'code']).where('function_code', '=', 'housekeeping').executeTakeFirstOrThrow()
    clock.set(shanghaiInstant(tomorrow(), '11:40'))
    for (const page of [resident, operator]) await page.clock.setFixedTime(clock.now())

    await operator.goto(`${session.served().baseUrl}/#/packages/staff/desk/index?facilityId=yl-hangkong-erlu`)
    await field(operator, '核销码').fill(booking.code)
    await visible(operator, '.button', '查找').click()
    await visible(operator, '.desk__status', '待使用').waitFor()
    await visible(operator, '.button', '签到并收款').click()
    await visible(operator, '.desk__status', '已签到').waitFor()
    const complete = visible(operator, '.button', '服务完成')
    await operator.waitForFunction((el) => !(el as HTMLElement & { disabled?: boolean }).disabled, await complete.elementHandle())
    await complete.click()
    await visible(operator, '.desk__status', '已完成').waitFor()

    await resident.goto(`${session.served().baseUrl}/#/packages/facility/home-service/index?facilityId=yl-hangkong-erlu`)
    // The page was already open (under the booking): read afresh, as pulling down would.
    await resident.reload()
    await visible(resident, '.home-service__status', '（已完成）').waitFor()
    await visible(resident, '.button', '查看并评价').click()
    await visible(resident, '.button', '去评价').click()
    await pick(resident, '总体评价', /^\s*✓?\s*非常满意\s*$/)
    await pick(resident, '使用意愿', /^\s*✓?\s*愿意\s*$/)
    await visible(resident, '.button', '提交评价').click()
    await visible(resident, '.booking-detail__notice', '谢谢您的评价').waitFor()
    await shot(resident, 'home-service-rated')
    const rating = await store.db.kysely.selectFrom('ratings').select('level').where('booking_id', '=', booking.id).executeTakeFirstOrThrow()
    expect(rating.level).toBe(5)
  })
})
