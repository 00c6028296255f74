import type { Page } from 'playwright-core'
import { useServedBrowser } from '../support/browser'

jest.setTimeout(60_000)

describe('the H5 app in chromium, served by the real API', () => {
  const session = useServedBrowser()
  let page: Page
  beforeAll(() => {
    page = session.page()
  })

  const cards = () => page.locator('.facility-card:visible')
  const rootFontPx = () =>
    page.locator('.page:visible').first().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))

  it('shows the five facilities of the district', async () => {
    await page.goto(session.served().baseUrl)
    await expectText(page, '航空二路社区嵌入式服务设施')
    expect(await cards().count()).toBe(5)
    for (const name of ['佳苑社区', '人民东路社区', '红旗社区', '凌云社区']) {
      expect(await page.locator('.facility-card:visible', { hasText: name }).count()).toBe(1)
    }
  })

  it('draws the directory the page came with, and asks the server once the resident filters', async () => {
    const fresh = await page.context().newPage()
    const asked: string[] = []
    fresh.on('request', (r) => {
      const { pathname, search } = new URL(r.url())
      if (pathname === '/api/facilities') asked.push(search)
    })
    await fresh.goto(session.served().baseUrl)
    await fresh.locator('.facility-card:visible', { hasText: '凌云社区' }).waitFor()
    expect(await fresh.locator('.facility-card:visible').count()).toBe(5)
    expect(asked).toEqual([])

    await fresh.locator('.chip:visible', { hasText: '社区助餐' }).click()
    await fresh.waitForFunction(() => document.querySelectorAll('.facility-card').length === 4)
    await fresh.locator('.chip:visible', { hasText: '全部' }).click()
    await fresh.waitForFunction(() => document.querySelectorAll('.facility-card').length === 5)
    // Taken once: the unfiltered list asked again comes from the server.
    expect(asked).toEqual(['?function=meal', ''])
    await fresh.close()
  })

  it('filters to 社区助餐', async () => {
    await page.locator('.chip:visible', { hasText: '社区助餐' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.facility-card').length === 4)
    expect(await cards().count()).toBe(4)
    expect(await page.locator('.facility-card:visible', { hasText: '凌云社区' }).count()).toBe(0)
    expect(await page.locator('.chip:visible', { hasText: '✓ 社区助餐' }).count()).toBe(1)
  })

  it('opens a facility in detail', async () => {
    await page.locator('.facility-card:visible', { hasText: '红旗社区' }).click()
    await expectText(page, '阎良区红旗小区广场一楼社区办公活动用房')
    await expectText(page, '1350 平方米')
    await expectText(page, '公建民营、民办公助、政府购买服务')
    await page.goBack()
    // The list stays in the DOM under the detail page; wait until the detail page has really gone.
    await page.locator('.detail__name').waitFor({ state: 'detached' })
    await page.locator('.facility-card:visible').first().waitFor()
  })

  it('opens a facility once on a double tap: 返回 leads back to the list', async () => {
    await page.locator('.facility-card:visible', { hasText: '佳苑社区' }).dblclick()
    await page.locator('.detail__name', { hasText: '佳苑社区' }).waitFor()
    await page.waitForTimeout(500)
    await page.locator('.sub-page-nav__back:visible').click()
    // Opened twice, 返回 would show the same facility again.
    await page.locator('.detail__name').waitFor({ state: 'detached', timeout: 5000 })
    await page.locator('.facility-card:visible').first().waitFor()
    expect(new URL(page.url()).hash).not.toContain('detail')
  })

  it('switches elder mode on: bigger text and targets, kept after a reload', async () => {
    const normal = await rootFontPx()
    expect(normal).toBeLessThan(18)

    await page.locator('.button:visible', { hasText: '长辈版' }).first().click()
    await page.locator('.page--elder:visible').first().waitFor()
    const elder = await rootFontPx()
    expect(elder).toBeGreaterThanOrEqual(18)
    const chip = await page.locator('.chip:visible').first().boundingBox()
    expect(chip?.height).toBeGreaterThanOrEqual(60)

    await page.reload()
    await page.locator('.facility-card:visible').first().waitFor()
    await page.locator('.page--elder:visible').first().waitFor()
    expect(await rootFontPx()).toBe(elder)
    expect(await page.locator('.button:visible', { hasText: '长辈版：已开启' }).count()).toBe(1)
  })
})

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 })
}
