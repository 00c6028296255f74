import type { Page } from 'playwright-core'
import { changeBookingStatus } from '../../server/bookings/booking-lifecycle'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { addMember, book, mealOrder, mealSession } from '../support/bookings'
import { phoneContext, shot, useServedBrowser } from '../support/browser'
import { TestClock } from '../support/clock'
import { shanghaiInstant } from '../../server/time/shanghai'

jest.setTimeout(120_000)

// A daughter rates her mother's lunch at 红旗社区 as 非常不满意; the operator calls back and answers; she accepts;
// the district publishes the qualified-operator list, which the facility page links to.
describe('rating a lunch and its rectification in chromium', () => {
  // Everyone stands after the lunch, on its day: a service is rated once it was completed on or after its day.
  const clock = new TestClock()
  const session = useServedBrowser({ clock: clock.now })
  let resident: Page
  let bookingId: string

  const as = async (identity: string): Promise<Page> => {
    const page = await (await phoneContext(session.page().context().browser()!)).newPage()
    await page.clock.setFixedTime(clock.now())
    await page.addInitScript((id) => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: id })), identity)
    return page
  }
  const visible = (page: Page, selector: string, text?: string) =>
    page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const pick = (page: Page, group: string, option: string) =>
    page.locator(`[role="radiogroup"][aria-label="${group}"] .option:visible`, { hasText: new RegExp(`^\\s*✓?\\s*${option}\\s*$`) }).first().click()

  beforeAll(async () => {
    const { app, store } = session.served()
    const headers = await devLogin(app, 'rating-e2e-daughter')
    const mother = await addMember(app, headers, { name: '刘桂兰' })
    const booking = await book(app, headers, mealOrder(await mealSession(app, { facilityId: 'yl-hongqi' }), { memberId: mother.id }))
    bookingId = booking.id
    clock.set(shanghaiInstant(booking.date, '13:00'))
    for (const to of ['checked_in', 'completed'] as const) {
      await changeBookingStatus(store.db.kysely, { bookingId, to, actorUserId: null, now: clock.now() })
    }
    await devLogin(app, 'rating-e2e-operator')
    await grantStaff(store.db.kysely, { user: 'dev:rating-e2e-operator', scopeKind: 'operator', scopeId: 'yl-hongqi-operator', grantedBy: 'test' }, clock.now())
    await devLogin(app, 'rating-e2e-district')
    await grantStaff(store.db.kysely, { user: 'dev:rating-e2e-district', scopeKind: 'district', scopeId: 'xa-yanliang', grantedBy: 'test' }, clock.now())
    resident = await as('rating-e2e-daughter')
  })

  it('rates the completed lunch on one screen; a 差评 shows its rectification deadline', async () => {
    await resident.goto(`${session.served().baseUrl}/#/packages/booking/detail/index?id=${bookingId}`)
    await visible(resident, '.button', '去评价').click()
    await pick(resident, '总体评价', '非常不满意')
    await visible(resident, '.button', '分项打分（选填）').click()
    for (const d of ['服务态度', '服务质量', '环境与安全', '价格合理']) await pick(resident, d, '1')
    await visible(resident, '.button', '写几句话（选填）').click()
    await pick(resident, '使用意愿', '不愿意')
    await visible(resident, 'textarea').fill('<b>饭是凉的</b>')
    await visible(resident, '.button', '提交评价').click()
    await visible(resident, '.booking-detail__notice', '谢谢您的评价').waitFor()
    await visible(resident, '.section-title', '我的评价：非常不满意').waitFor()
    await visible(resident, '.booking-detail__line', '“<b>饭是凉的</b>”').waitFor()
    await visible(resident, '.booking-detail__line', '待设施答复整改').waitFor()
    await shot(resident, 'rating-given')
  })

  it('lets the operator answer from 差评整改 without seeing who rated', async () => {
    const operator = await as('rating-e2e-operator')
    await operator.goto(`${session.served().baseUrl}/#/packages/staff/cases/index?facilityId=yl-hongqi`)
    await visible(operator, '.cases__title', '非常不满意').waitFor()
    const seen = await operator.locator('body').innerText()
    expect(seen).not.toContain('刘桂兰')
    // Nor the booking code: at the desk a code shows the resident's name.
    const codes = await session.served().store.db.kysely.selectFrom('bookings').select('code').execute()
    for (const { code } of codes) expect(seen.replace(/\s/g, '')).not.toContain(code)
    await visible(operator, 'textarea[aria-label="核实情况"], [aria-label="核实情况"] textarea').fill('已核实：饭菜出锅后放久了')
    await visible(operator, 'textarea[aria-label="整改措施"], [aria-label="整改措施"] textarea').fill('改用保温餐车，出餐十分钟内送达')
    await visible(operator, '.button', '提交回复').click()
    await visible(operator, '.cases__status', '已回复，待居民确认').waitFor()
    await shot(operator, 'rating-case-answered')
  })

  it('shows the answer to the resident, who accepts it', async () => {
    await resident.reload()
    await visible(resident, '.booking-detail__line', '改用保温餐车').waitFor()
    await visible(resident, '.button', '认可整改').click()
    await visible(resident, '.booking-detail__line', '您已认可整改').waitFor()
  })

  it('gives the district its evaluation and publishes the list residents can read', async () => {
    const district = await as('rating-e2e-district')
    await district.goto(`${session.served().baseUrl}/#/packages/staff/evaluation/index`)
    await visible(district, '.evaluation__name', '红旗社区').waitFor()
    await visible(district, '.evaluation__row', '社区助餐').waitFor()
    // Only an ended period is published: last month's list, previewed, then confirmed.
    await pick(district, '评估期', '上月 \\d{4}-\\d{2}')
    await visible(district, '.button', '预览').click()
    await visible(district, '.qualified__line', '不足 10 条').waitFor()
    await visible(district, '.button', '确认发布').click()
    await visible(district, '[role="status"]', '已发布').waitFor()
    await shot(district, 'evaluation')
    await resident.goto(`${session.served().baseUrl}/#/packages/facility/qualified/index`)
    // (Last month's list: the lunch rated here, today's, is not in it.)
    await visible(resident, '.qualified__line', '不足 10 条').waitFor()
    await shot(resident, 'qualified-list')
  })
})
