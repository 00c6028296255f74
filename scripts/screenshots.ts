// Screenshots of the H5 build as a parent in 长辈版 at 375 and 320 px: first screen, a facility, the 托管 form, a
// week's booking and 我的. `tsx scripts/screenshots.ts [outDir]` (needs dist/h5; Debian's chromium).
import { mkdirSync } from 'node:fs'
import { CHILD_CONSENT, bookingSchema, sessionListSchema } from '@shared/index'
import { launchChromium } from '../test/support/browser'
import { addMember, postBooking } from '../test/support/bookings'
import { serveApp } from '../test/support/served-app'

const OUT = process.argv[2] ?? '/tmp/shots'
const IDENTITY = 'shot-parent'

async function main() {
  mkdirSync(OUT, { recursive: true })
  const served = await serveApp()
  const app = served.app
  const login = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: IDENTITY } })
  const headers = { authorization: `Bearer ${login.json().token}` }
  const kid = await addMember(app, headers, { name: '张小明', relation: '儿子', birthDate: '2018-09-01', childConsentVersion: CHILD_CONSENT.version })
  await addMember(app, headers, { name: '张小宝', relation: '女儿', birthDate: '2024-06-01', childConsentVersion: CHILD_CONSENT.version })
  const list = sessionListSchema.parse((await app.inject({ url: '/api/facilities/yl-hangkong-erlu/sessions?function=child_care' })).json())
  const first = list.sessions.find((s) => s.bookable)!
  const sameWeek = list.sessions.filter((s) => s.part === first.part && s.date >= first.date && Date.parse(s.date) - Date.parse(first.date) < 5 * 86_400_000)
  const res = await postBooking(app, headers, {
    sessionId: first.id,
    memberId: kid.id,
    ...(sameWeek.length > 1 ? { throughDate: sameWeek.at(-1)!.date } : {}),
    collectors: [{ name: '张伟（爸爸）', phone: '13800001111' }],
  })
  const booking = bookingSchema.parse(res.json())

  const browser = await launchChromium()
  const pages: [string, string][] = [
    ['first-screen', '/'],
    ['facility', '/#/packages/facility/detail/index?id=yl-hangkong-erlu'],
    ['after-school', '/#/packages/care/after-school/index?facilityId=yl-hangkong-erlu'],
    ['booking', `/#/packages/booking/detail/index?id=${booking.id}`],
    ['profile', '/#/pages/profile/index'],
  ]
  for (const width of [375, 320]) {
    const context = await browser.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.addInitScript(
      ([identity]) => {
        localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: identity }))
        localStorage.setItem('doorstep.elderMode', JSON.stringify({ data: true }))
      },
      [IDENTITY],
    )
    const page = await context.newPage()
    for (const [name, path] of pages) {
      await page.goto(`${served.baseUrl}${path}`)
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(1200)
      await page.screenshot({ path: `${OUT}/${name}-${width}.png` })
      // The page scrolls inside Taro's container: the parts further down, scrolled into view.
      const below = { booking: '.booking-detail__cancel', 'after-school': '.after-school__collector', facility: '.detail__share' }[name]
      if (below && (await page.locator(below).count())) {
        await page.locator(below).first().scrollIntoViewIfNeeded()
        await page.waitForTimeout(300)
        await page.screenshot({ path: `${OUT}/${name}-${width}-below.png` })
      }
    }
    await context.close()
  }
  await browser.close()
  await served.close()
  console.log(`screenshots in ${OUT}`)
}

main().then(() => process.exit(0), (err) => {
  console.error(err)
  process.exit(1)
})
