import type { Page } from 'playwright-core'
import { grantStaff } from '../../server/staff/staff-grants'
import { shanghaiInstant } from '../../server/time/shanghai'
import { devLogin } from '../support/app'
import { book, mealOrder, mealSession } from '../support/bookings'
import { shot, useServedBrowser } from '../support/browser'
import { TestClock } from '../support/clock'

jest.setTimeout(90_000)

// The front desk of 红旗社区 on the day of a lunch: a resident reads out the code, staff type it, check in and take
// payment, then complete; a no-show entered by mistake is undone; tomorrow's code is refused, saying why.
describe('checking a booking in by its code in chromium', () => {
  const clock = new TestClock()
  const session = useServedBrowser({ clock: clock.now })
  let page: Page
  const codes = { served: '', missed: '', tomorrow: '' }
  const ids = { served: '', missed: '', tomorrow: '' }

  beforeAll(async () => {
    page = session.page()
    const { app, store } = session.served()
    const lunch = await mealSession(app, { facilityId: 'yl-hongqi' })
    const dayAfter = await mealSession(app, { facilityId: 'yl-hongqi', date: clock.today(2) })
    for (const [key, session] of [['served', lunch], ['missed', lunch], ['tomorrow', dayAfter]] as const) {
      const booking = await book(app, await devLogin(app, `desk-e2e-${key}`), mealOrder(session))
      codes[key] = booking.code
      ids[key] = booking.id
    }
    // The staff member signed in once, then the administrator granted the binding (npm run admin -- grant …).
    await devLogin(app, 'desk-e2e-staff')
    await grantStaff(store.db.kysely, { user: 'dev:desk-e2e-staff', scopeKind: 'operator', scopeId: 'yl-hongqi-operator', grantedBy: 'test' }, clock.now())
    // The lunch's day, 11:40, for the API and the browser alike.
    clock.set(shanghaiInstant(lunch.date, '11:40'))
    await page.clock.setFixedTime(clock.now())
    await page.addInitScript(() => {
      localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'desk-e2e-staff' }))
    })
  })

  const visible = (selector: string, text?: string) =>
    page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  // After a check-in the desk holds its buttons a moment (a double tap must not complete too): wait until it lets go.
  const ready = async (text: string) => {
    const button = visible('.button', text)
    await page.waitForFunction((el) => !(el as HTMLElement & { disabled?: boolean }).disabled, await button.elementHandle())
    return button
  }
  const status = async (key: keyof typeof ids) =>
    await session.served().store.db.kysely.selectFrom('bookings').select(['status', 'paid_fen', 'payable_fen']).where('id', '=', ids[key]).executeTakeFirstOrThrow()
  const lookUp = async (code: string) => {
    await visible('input[aria-label="核销码"], [aria-label="核销码"] input').fill(code)
    await (await ready('查找')).click()
  }

  it('opens the workspace from 我的 and shows the booking on the day’s roster', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.button', '进入工作台').click()
    await visible('.option', '红旗社区嵌入式服务设施').waitFor()
    await visible('.option', '今天').click()
    await visible(`.roster__entry[data-booking="${ids.served}"]`).waitFor()
    // The printed roster carries no check-in code: a code is what proves a booking at the counter.
    expect(await visible('.roster').textContent()).not.toContain(codes.served)
    await visible('.roster__count', '份').waitFor()
    await shot(page, 'staff-roster')
  })

  it('finds the code, checks in with payment at the counter, completes, and can take the completion back', async () => {
    await visible('.button', '核销预约').click()
    await lookUp(codes.served)
    await visible('.desk__status', '待使用').waitFor()
    await visible('.button', '签到并收款').click()
    await visible('.desk__message--ok', '已签到，已收款').waitFor()
    await visible('.desk__status', '已签到').waitFor()
    const checkedIn = await status('served')
    expect(checkedIn.status).toBe('checked_in')
    expect(checkedIn.paid_fen).toBe(checkedIn.payable_fen)

    await (await ready('服务完成')).click()
    await visible('.desk__status', '已完成').waitFor()
    await shot(page, 'staff-desk')
    expect((await status('served')).status).toBe('completed')
    await (await ready('撤销服务完成')).click()
    await visible('.desk__message--ok', '已撤销，恢复为「已签到」').waitFor()
    expect((await status('served')).status).toBe('checked_in')
    await (await ready('服务完成')).click()
    await visible('.desk__status', '已完成').waitFor()
  })

  it('asks before 未到场, naming who, and undoes a no-show entered by mistake', async () => {
    await lookUp(codes.missed)
    await visible('.desk__status', '待使用').waitFor()
    await visible('.button', '未到场').click()
    await visible('.desk__confirm', '记为未到场吗').waitFor()
    expect((await status('missed')).status).toBe('booked')
    await visible('.button', '确定未到场').click()
    await visible('.desk__status', '未到场').waitFor()
    await shot(page, 'staff-desk-no-show')
    await (await ready('撤销未到场')).click()
    await visible('.desk__status', '待使用').waitFor()
    expect((await status('missed')).status).toBe('booked')
  })

  it('does not offer tomorrow’s check-in today, saying which day it is for', async () => {
    await lookUp(codes.tomorrow)
    await visible('.desk__status', '待使用').waitFor()
    await visible('.desk__not-now', '只能在当天核销').waitFor()
    expect(await page.locator('.button:visible', { hasText: '签到并收款' }).count()).toBe(0)
    expect((await status('tomorrow')).status).toBe('booked')
  })

  it('says plainly when a code is not this facility’s', async () => {
    await lookUp('00000000')
    await visible('.desk__message--error', '本设施没有这个核销码的预约').waitFor()
  })
})
