import type { Page } from 'playwright-core'
import { devLogin } from '../support/app'
import { addMember, book, mealOrder, mealSession } from '../support/bookings'
import { shot, useServedBrowser, visibleOn } from '../support/browser'

jest.setTimeout(120_000)

const NETWORK_FAILED = '网络连接失败，请检查网络后重试'

// States that tell the truth: a disabled button looks it and does nothing; a tap with the network gone says so and
// offers 重试; the messages open their booking and are read all at once.
describe('what the screen says in chromium', () => {
  const session = useServedBrowser()
  let page: Page
  let bookingIds: string[] = []
  const visible = (selector: string, text?: string) => visibleOn(page)(selector, text)

  beforeAll(async () => {
    page = session.page()
    const { app } = session.served()
    const headers = await devLogin(app, 'states-daughter')
    const mother = await addMember(app, headers, { name: '张桂兰' })
    bookingIds = []
    for (const part of ['lunch', 'dinner'] as const) {
      bookingIds.push((await book(app, headers, mealOrder(await mealSession(app, { facilityId: 'yl-hongqi', part }), { memberId: mother.id }))).id)
    }
    await page.addInitScript(() => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'states-daughter' })))
  })

  it('shows a disabled button greyed, says so to a screen reader, and ignores a tap', async () => {
    const posts: string[] = []
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()))
    await page.goto(`${session.served().baseUrl}/#/packages/member/edit/index`)
    const save = visible('.button', '保存')
    await save.waitFor()
    expect(await save.getAttribute('aria-disabled')).toBe('true')
    expect(await save.getAttribute('role')).toBe('button')
    const looks = await save.evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(looks).toBe('rgb(236, 236, 236)')
    await save.click({ force: true })
    await page.waitForTimeout(500)
    expect(posts.filter((u) => u.includes('/api/me/members'))).toEqual([])
    page.removeAllListeners('request')
  })

  it('reads the messages all at once with 全部已读, keeps them, and opens a message’s booking on a tap', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/bookings/index`)
    await visible('.notices .section-title', '2 条未读').waitFor()
    await shot(page, 'messages')
    await visible('.button', '全部已读').click()
    await page.waitForFunction(() => !document.querySelector('.notices')?.textContent?.includes('未读'))
    expect(await page.locator('.notices:visible .notices__read').count()).toBe(0)
    // Read, they stay listed; a tap still opens the booking.
    await visible('.notices__text', '午餐').click()
    await page.waitForURL((url) => url.href.includes(`packages/booking/detail/index?id=${bookingIds[0]}`))
  })

  it('says the network is down when a tap cannot go through, and 重试 does it once it is back', async () => {
    await page.goto(`${session.served().baseUrl}/#/packages/booking/detail/index?id=${bookingIds[0]}`)
    await visible('.button', '取消预约').click()
    await session.served().stop()
    await visible('.button', '确定取消').click()
    await visible('[role="alert"]', NETWORK_FAILED).waitFor({ timeout: 10_000 })
    await shot(page, 'offline-cancel')
    await session.served().resume()
    await visible('[role="alert"] .button', '重试').click()
    await visible('.booking-detail__notice', '已取消预约').waitFor()
  })
})
