import type { Page } from 'playwright-core'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { book, mealOrder, mealSession } from '../support/bookings'
import { shot, useServedBrowser } from '../support/browser'

jest.setTimeout(90_000)

// The front desk of 红旗社区: a resident reads out the code, staff type it, check in and take payment, then complete.
describe('checking a booking in by its code in chromium', () => {
  const session = useServedBrowser()
  let page: Page
  let code: string
  let bookingId: string

  beforeAll(async () => {
    page = session.page()
    const { app, store } = session.served()
    const resident = await devLogin(app, 'desk-e2e-resident')
    const booking = await book(app, resident, mealOrder(await mealSession(app, { facilityId: 'yl-hongqi' })))
    code = booking.code
    bookingId = booking.id
    // The staff member signed in once, then the administrator granted the binding (npm run admin -- grant …).
    await devLogin(app, 'desk-e2e-staff')
    await grantStaff(store.db.kysely, { user: 'dev:desk-e2e-staff', scopeKind: 'operator', scopeId: 'yl-hongqi-operator', grantedBy: 'test' }, new Date())
    await page.addInitScript(() => {
      localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'desk-e2e-staff' }))
    })
  })

  const visible = (selector: string, text?: string) =>
    page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const status = async () =>
    (await session.served().store.db.kysely.selectFrom('bookings').select(['status', 'paid_fen', 'payable_fen']).where('id', '=', bookingId).executeTakeFirstOrThrow())

  it('opens the workspace from 我的 and shows the booking on the day’s roster', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.button', '进入工作台').click()
    await visible('.option', '红旗社区嵌入式服务设施').waitFor()
    await visible('.option', '明天').click()
    await visible(`.roster__entry[data-code="${code}"]`).waitFor()
    await visible('.roster__count', '份').waitFor()
    await shot(page, 'staff-roster')
  })

  it('finds the code, checks in with payment at the counter, and completes', async () => {
    await visible('.button', '核销预约').click()
    await visible('input[aria-label="核销码"], [aria-label="核销码"] input').fill(code)
    await visible('.button', '查找').click()
    await visible('.desk__status', '待使用').waitFor()
    const charge = visible('.button', '签到并收款')
    await charge.click()
    await visible('.desk__message--ok', '已签到，已收款').waitFor()
    await visible('.desk__status', '已签到').waitFor()
    const checkedIn = await status()
    expect(checkedIn.status).toBe('checked_in')
    expect(checkedIn.paid_fen).toBe(checkedIn.payable_fen)

    await visible('.button', '服务完成').click()
    await visible('.desk__status', '已完成').waitFor()
    await shot(page, 'staff-desk')
    expect((await status()).status).toBe('completed')
  })

  it('says plainly when a code is not this facility’s', async () => {
    await visible('input[aria-label="核销码"], [aria-label="核销码"] input').fill('00000000')
    await visible('.button', '查找').click()
    await visible('.desk__message--error', '本设施没有这个核销码的预约').waitFor()
  })
})
