import type { Page } from 'playwright-core'
import { shot, useServedBrowser, visibleOn } from '../support/browser'

jest.setTimeout(90_000)

// Where the browser says the phone is (WGS-84, as a browser's geolocation always is). On a Chinese map (GCJ-02, the
// datum of the facilities' positions) this spot is 红旗社区's pin: read without converting it would be ~480 m off.
const AT_HONGQI_WGS84 = { latitude: 34.65457, longitude: 109.22503 }
const HONGQI_GCJ02 = { lat: 34.6534, lng: 109.2301 }

describe('the position in a browser that grants it', () => {
  const session = useServedBrowser({ context: { permissions: ['geolocation'], geolocation: AT_HONGQI_WGS84 } })
  let page: Page
  beforeAll(() => {
    page = session.page()
  })

  const visible = (selector: string, text?: string) => visibleOn(page)(selector, text)

  it('按距离排序: nearest first, each card with its distance', async () => {
    await page.goto(session.served().baseUrl)
    await visible('.facility-card').waitFor()
    await visible('.button', '按距离排序').click()
    await visible('.muted', '已按离您的距离排序').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('.facility-card__distance').length === 5)
    await shot(page, 'location-sorted')

    const cards = page.locator('.facility-card:visible')
    expect(await cards.count()).toBe(5)
    expect(await cards.first().locator('.facility-card__name').textContent()).toBe('红旗社区嵌入式服务设施')
    const distances = await page.locator('.facility-card__distance:visible').allTextContents()
    // Standing at the pin: a few metres at most, not the ~480 m an unconverted position gives.
    expect(distances[0]).toMatch(/^\d米$/)
    const metres = distances.map((d) => (d.endsWith('公里') ? Number.parseFloat(d) * 1000 : Number.parseFloat(d)))
    expect(metres).toEqual([...metres].sort((a, b) => a - b))
  })

  it('送餐上门: the position the browser gives goes to the server as GCJ-02 and is priced with delivery', async () => {
    await page.goto(`${session.served().baseUrl}/#/packages/meal/order/index?facilityId=yl-hongqi`)
    await visible('.option', '本人（未登记）').waitFor({ timeout: 15_000 })
    // A mother of 86 (delivery is for 80 and over), added as the app would have stored her.
    const db = session.served().store.db.kysely
    const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow()
    const at = new Date().toISOString()
    await db
      .insertInto('family_members')
      .values({ id: 'm-e2e-mother', owner_user_id: user.id, name: '王秀英', relation: '母亲', birth_date: '1940-03-02',
        district_id: 'xa-yanliang', consent_version: 'e2e', consent_at: at, created_at: at })
      .execute()
    await page.reload()
    await visible('.option', '王秀英').click()
    await visible('.option', '送餐上门').click()
    await visible('input[aria-label="送餐地址"], [aria-label="送餐地址"] input').fill('红旗小区 3 号楼 2 单元 101')

    const quoted = page.waitForRequest(
      (r) => r.url().endsWith('/api/bookings/quote') && (r.postData() ?? '').includes('"delivery"'),
    )
    await visible('.button', '用我现在的位置作为送餐位置').click()
    const delivery = JSON.parse((await quoted).postData() ?? '{}').meal.delivery
    expect(delivery.lat).toBeCloseTo(HONGQI_GCJ02.lat, 4)
    expect(delivery.lng).toBeCloseTo(HONGQI_GCJ02.lng, 4)
    await visible('.button', '已定位').waitFor()
    await visible('.quote', '含送餐费').waitFor()
    await shot(page, 'location-delivery')
  })
})
