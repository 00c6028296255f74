import type { Page } from 'playwright-core'
import { infantSessionId } from '../../server/db/seed/infant-care'
import { addDays, shanghaiDate } from '../../server/time/shanghai'
import { shot, useServedBrowser } from '../support/browser'
import { bornMonthsBefore, nextMonday } from '../support/calendar'

jest.setTimeout(90_000)


// A mother registers her 18-month-old with the guardian's consent and books a week of 全日托 at 航空二路社区, then a
// 3-night 短期托养 stay for the grandmother at 佳苑社区.
describe('booking a week of 全日托 and a 3-night respite stay in chromium', () => {
  const session = useServedBrowser()
  let page: Page
  beforeAll(() => {
    page = session.page()
  })
  const visible = (selector: string, text?: string) =>
    page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const input = (label: string) => visible(`input[aria-label="${label}"], [aria-label="${label}"] input`)

  it('registers the child with the guardian’s separate consent', async () => {
    const monday = nextMonday(shanghaiDate(new Date()))
    const born = bornMonthsBefore(monday, 18)
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.button', '添加家人或本人').click()
    await input('姓名').fill('李小雨')
    await visible('.option', '女儿').click()
    await input('出生日期').fill(born.replaceAll('-', ''))
    await visible('.section-title', '孩子的信息').waitFor()
    await page.locator('.option:visible').filter({ hasText: /^女$/ }).first().click()
    await input('过敏情况（选填）').fill('花生')
    await visible('.option', '我已阅读并同意').click()
    await visible('.option', '我是监护人，同意').click()
    await visible('.button', '保存').click()
    await visible('.profile__member', '李小雨').waitFor()
    const row = await session.served().store.db.kysely.selectFrom('family_members').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: '李小雨', allergies: '花生', gender: 'female' })
    expect(row.child_consent_at).not.toBeNull()
  })

  it('books Monday to Friday at once after agreeing to the service agreement', async () => {
    const monday = nextMonday(shanghaiDate(new Date()))
    await page.goto(`${session.served().baseUrl}/#/packages/care/infant/index?facilityId=yl-hangkong-erlu`)
    await visible('.option', '李小雨').waitFor()
    const mondayLabel = `${Number(monday.slice(5, 7))}月${Number(monday.slice(8, 10))}日`
    await visible('.option', mondayLabel).click()
    await visible('.option', '到本周五').click()
    await visible('.option', '我是监护人，同意并确认').click()
    await visible('.quote', '托小班 5 天').waitFor()
    await visible('.quote', '400 元').waitFor()
    await shot(page, 'infant-week')
    await visible('.button', '确认预约').click()
    await visible('.booking-detail__notice', '预约成功').waitFor()
    await visible('.section-title', '婴幼儿托育 · 全日托').waitFor()
    expect(await page.locator('.booking-detail__line:visible', { hasText: '· 托小班' }).count()).toBe(5)

    const db = session.served().store.db.kysely
    const booking = await db.selectFrom('bookings').selectAll().where('function_code', '=', 'infant_care').executeTakeFirstOrThrow()
    const days = await db.selectFrom('booking_sessions').select(['session_id', 'class_code']).where('booking_id', '=', booking.id).orderBy('session_id').execute()
    expect(days.map((d) => d.session_id)).toEqual([0, 1, 2, 3, 4].map((i) => infantSessionId('yl-hangkong-erlu', addDays(monday, i))))
    expect(new Set(days.map((d) => d.class_code))).toEqual(new Set(['toddler_small']))
  })

  it('books a 3-night 短期托养 stay for the grandmother, held for staff to confirm her care level', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.button', '添加家人或本人').click()
    await input('姓名').fill('王秀英')
    await page.locator('.option:visible').filter({ hasText: /^祖父母$/ }).first().click()
    await input('出生日期').fill('19440302')
    await visible('.option', '我已阅读并同意').click()
    await visible('.button', '保存').click()
    await visible('.profile__member', '王秀英').waitFor()

    await page.goto(`${session.served().baseUrl}/#/packages/care/respite/index?facilityId=yl-jiayuan`)
    await visible('.option', '王秀英').waitFor()
    const first = addDays(shanghaiDate(new Date()), 3)
    await visible('.option', `${Number(first.slice(5, 7))}月${Number(first.slice(8, 10))}日`).click()
    await visible('.quote', '360 元').waitFor()
    await visible('.quote', '能力评估').waitFor()
    await shot(page, 'respite-stay')
    await visible('.button', '确认预约').click()
    await visible('.booking-detail__notice', '预约成功').waitFor()
    await visible('.booking-detail__line', '起 3 晚 · 每晚 18:00 至次日 08:00').waitFor()
    await visible('.booking-detail__notice', '请在入住时').waitFor()

    const db = session.served().store.db.kysely
    const booking = await db.selectFrom('bookings').selectAll().where('function_code', '=', 'elderly_care').executeTakeFirstOrThrow()
    expect(booking.awaiting_confirmation).toBe(1)
    const nights = await db.selectFrom('booking_sessions').select('session_id').where('booking_id', '=', booking.id).execute()
    expect(nights).toHaveLength(3)
  })
})
