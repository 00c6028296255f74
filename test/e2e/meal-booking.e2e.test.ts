import type { Page } from 'playwright-core'
import { shot, useServedBrowser } from '../support/browser'

jest.setTimeout(90_000)

// A daughter orders tomorrow's lunch for her mother, sees the code to show at the counter, then cancels.
describe('ordering a community meal for a family member in chromium', () => {
  const session = useServedBrowser()
  let page: Page
  beforeAll(() => {
    page = session.page()
  })

  const db = () => session.served().store.db.kysely
  const visible = (selector: string, text?: string) =>
    page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const tab = (name: string) => page.locator('.weui-tabbar__item', { hasText: name }).first()
  const screenshot = (name: string) => shot(page, name)

  it('adds the mother as a family member, with consent', async () => {
    await page.goto(session.served().baseUrl)
    await visible('.facility-card').waitFor()
    await tab('我的').click()
    await visible('.button', '添加家人或本人').click()
    await visible('input[aria-label="姓名"], [aria-label="姓名"] input').fill('王秀英')
    await visible('.option', '母亲').click()
    await visible('input[aria-label="出生日期"], [aria-label="出生日期"] input').fill('19440302')
    await visible('.muted', '即 1944-03-02').waitFor()
    await screenshot('member-form')
    const save = visible('.button', '保存')
    expect(await save.getAttribute('disabled')).not.toBeNull()
    await visible('.option', '我已阅读并同意').click()
    await save.click()
    await visible('.profile__member', '王秀英').waitFor()

    const stored = await db().selectFrom('family_members').selectAll().execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ name: '王秀英', relation: '母亲', birth_date: '1944-03-02', district_id: 'xa-yanliang' })
    expect(stored[0].consent_version).not.toBeNull()
  })

  it('orders tomorrow’s lunch for her from the 助餐 list in 长辈版, with the subsidy shown before confirming', async () => {
    await tab('服务').click()
    await visible('.button', '长辈版').click()
    await visible('.page--elder').waitFor()
    await visible('.chip', '社区助餐').click()
    await page.waitForFunction(() => document.querySelectorAll('.facility-card').length === 4)
    await visible('.facility-card', '红旗社区').locator('.button', { hasText: '订餐' }).click()
    await visible('.option', '明天').click()
    await visible('.option', '午餐').click()
    await visible('.option', '王秀英').waitFor()
    expect(await visible('.option', '王秀英').getAttribute('aria-checked')).toBe('true')
    await visible('.quote', '个人支付').waitFor()
    await visible('.quote', '80 周岁及以上老人').waitFor()
    await screenshot('meal-order')
    // 长辈版 all the way: text ≥ 18 px, every choice and the confirm button ≥ 60 px high.
    const rootPx = await visible('.page').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(rootPx).toBeGreaterThanOrEqual(18)
    for (const target of [visible('.option', '午餐'), visible('.option', '王秀英'), visible('.button', '确认预约')]) {
      expect((await target.boundingBox())?.height).toBeGreaterThanOrEqual(60)
    }
    await visible('.button', '确认预约').click()

    await visible('.booking-detail__notice', '预约成功').waitFor()
    const code = await visible('.booking-detail__code').getAttribute('data-code')
    expect(code).toMatch(/^\d{8}$/)
    expect(Number(await visible('.qr').getAttribute('data-size'))).toBeGreaterThanOrEqual(21)
    await screenshot('booking-detail')

    const bookings = await db().selectFrom('bookings').selectAll().execute()
    expect(bookings).toHaveLength(1)
    const member = await db().selectFrom('family_members').select('id').executeTakeFirstOrThrow()
    expect(bookings[0]).toMatchObject({ code, member_id: member.id, status: 'booked', facility_id: 'yl-hongqi' })
    expect(JSON.parse(bookings[0].quote).subsidyFen).toBe(900)
    const session = await db().selectFrom('sessions').selectAll().where('id', '=', bookings[0].session_id).executeTakeFirstOrThrow()
    expect(session.part).toBe('lunch')
    expect(session.booked).toBe(1)
  })

  it('cancels it before the deadline: the portion goes back and the booking shows as cancelled', async () => {
    await visible('.button', '取消预约').click()
    await visible('.button', '确定取消').click()
    await visible('.booking-detail__notice', '已取消预约').waitFor()
    await visible('.booking-detail__status', '已取消').waitFor()

    const booking = await db().selectFrom('bookings').selectAll().executeTakeFirstOrThrow()
    expect(booking.status).toBe('cancelled')
    const session = await db().selectFrom('sessions').select('booked').where('id', '=', booking.session_id).executeTakeFirstOrThrow()
    expect(session.booked).toBe(0)

    await visible('.button', '查看我的全部预约').click()
    await visible('.state', '没有待使用的预约').waitFor()
    await visible('.option', '已取消').click()
    await visible('.booking-card', '王秀英').waitFor()
    await screenshot('bookings-cancelled')
  })
})
