import type { Page } from 'playwright-core'
import ExcelJS from 'exceljs'
import { COLUMNS } from '../../server/admin/facility-sheet'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { phoneContext, shot, useServedBrowser } from '../support/browser'

jest.setTimeout(90_000)

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// A clerk of 新华路街道 opens 设施管理 in the 工作台, types a wrong phone number (told why, nothing saved), then the
// right one and new hours; a resident opening 红旗社区 sees them at once; the change is in 修改记录.
describe('the street office keeps its facilities in chromium', () => {
  const session = useServedBrowser()
  let page: Page

  beforeAll(async () => {
    page = session.page()
    const { app, store } = session.served()
    await devLogin(app, 'admin-e2e-street')
    await grantStaff(store.db.kysely, { user: 'dev:admin-e2e-street', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, app.now())
    await page.addInitScript(() => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'admin-e2e-street' })))
  })

  const visible = (selector: string, text?: string) => page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()
  const field = (label: string) => visible(`input[aria-label="${label}"], [aria-label="${label}"] input`)

  it('refuses a wrong phone number at the field, then saves the right one and new hours', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.button', '进入工作台').click()
    await visible('.button', '设施管理').click()
    await visible('.button', '修改红旗社区').click()
    // The form takes the button's place: the focus goes into it, not back to the top of the page.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '设施名称')
    await field('电话').fill('8686')
    await visible('.button', '保存').click()
    await visible('.text-field__error', '电话格式不正确').waitFor()
    await shot(page, 'admin-facility-error')

    await field('电话').fill('029-86861234')
    await field('第 1 段 开放日').fill('周一至周六')
    await field('开门').fill('07:30')
    await visible('.button', '保存').click()
    await visible('.admin__message--ok', '已保存').waitFor()
    await visible('.admin__change', '电话：（空） → 029-86861234').waitFor()
    await shot(page, 'admin-facility-saved')
  })

  it('imports a facility from the annex spreadsheet: every problem listed first, then written once corrected', async () => {
    const sheetWith = async (area: string | number) => {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('设施清单')
      sheet.addRow(COLUMNS.map((c) => c.header))
      const row: Record<string, string | number> = {
        id: 'yl-xinhua-park', name: '新华公园社区嵌入式服务设施', street: '新华路街道', community: '新华公园社区', address: '阎良区新华路 6 号',
        areaSqm: area, year: 2027, investmentWan: '', functions: '社区助餐、文化休闲', operatingModels: '公建民营', operatorId: '', phone: '029-86869999',
        hours: '周一至周日 08:00-20:00', lat: 34.66, lng: 109.24, isReserve: '否',
      }
      sheet.addRow(COLUMNS.map((c) => row[c.key]))
      return { name: '设施清单.xlsx', mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) }
    }
    const upload = async (file: Awaited<ReturnType<typeof sheetWith>>) => {
      const chooser = page.waitForEvent('filechooser')
      await visible('.button', '导入设施清单').click()
      await (await chooser).setFiles(file)
    }
    await upload(await sheetWith('约七百'))
    await visible('.admin__problem', '第 2 行 面积（㎡）：面积应为数字').waitFor()
    await shot(page, 'admin-import-refused')
    await upload(await sheetWith(720))
    await visible('.admin__message--ok', '已导入：新增 1 个').waitFor()
    await visible('.admin__name', '新华公园社区嵌入式服务设施').waitFor()
  })

  it('shows the new phone and hours to a resident at once', async () => {
    const resident = await (await phoneContext(page.context().browser()!)).newPage()
    await resident.goto(`${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-hongqi`)
    await resident.locator('text=029-86861234').first().waitFor()
    await resident.locator('text=周一至周六').first().waitFor()
    await resident.close()
  })
})

// The district clerk changes the meal subsidy in 区级规则; the form refuses a wrong amount before sending.
describe('the district keeps its rules in chromium', () => {
  const session = useServedBrowser()
  let page: Page

  beforeAll(async () => {
    page = session.page()
    const { app, store } = session.served()
    await devLogin(app, 'rules-e2e-district')
    await grantStaff(store.db.kysely, { user: 'dev:rules-e2e-district', scopeKind: 'district', scopeId: 'xa-yanliang', grantedBy: 'test' }, app.now())
    await page.addInitScript(() => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'rules-e2e-district' })))
  })

  const visible = (selector: string, text?: string) => page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()

  it('saves a new subsidy amount, audited; a wrong amount is refused in the form', async () => {
    await page.goto(`${session.served().baseUrl}/#/packages/staff/facilities/index`)
    const amount = visible('input[aria-label="80 周岁及以上老人"], [aria-label="80 周岁及以上老人"] input')
    await amount.fill('十元')
    await visible('.button', '保存补贴标准').click()
    await visible('.admin__message--error', '补贴金额').waitFor()
    await amount.fill('10')
    await visible('.button', '保存补贴标准').click()
    await visible('.admin__message--ok', '补贴标准已保存').waitFor()
    const row = await session.served().store.db.kysely.selectFrom('subsidy_tiers').select('amount_fen').where('id', '=', 'yl-meal-age-80').executeTakeFirstOrThrow()
    expect(row.amount_fen).toBe(1000)
    await visible('.admin__line', '助餐补贴标准').waitFor()
    await shot(page, 'admin-rules')
  })

  it('renames an operator; a wrong 信用代码 is refused at the field; the facility page shows the new name', async () => {
    await visible('.button', '修改 红旗社区综合服务运营方（示例）').click()
    const input = (label: string) => visible(`input[aria-label="${label}"], [aria-label="${label}"] input`)
    await input('运营方名称').fill('阎良区红旗养老服务有限公司')
    await input('统一社会信用代码').fill('123')
    await visible('.button', '保存运营方').click()
    await visible('.text-field__error', '统一社会信用代码应为 18 位').waitFor()
    await input('统一社会信用代码').fill('91610114MA6U000001')
    await visible('.button', '保存运营方').click()
    await visible('.admin__message--ok', '已保存').waitFor()
    const detail = await session.served().app.inject({ url: '/api/facilities/yl-hongqi' })
    expect(detail.json().operator.name).toBe('阎良区红旗养老服务有限公司')
  })
})
