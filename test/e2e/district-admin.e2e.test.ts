import type { Page } from 'playwright-core'
import ExcelJS from 'exceljs'
import { wgs84ToGcj02 } from '@/lib/gcj02'
import { CALENDAR_COLUMNS } from '../../server/admin/calendar-sheet'
import { COLUMNS } from '../../server/admin/facility-sheet'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { phoneContext, shot, useServedBrowser } from '../support/browser'
import { XLSX } from '../support/spreadsheets'
import { blockingOf, runAxe } from '../support/axe'

jest.setTimeout(90_000)

/** A workbook as the file a clerk picks. */
const fileOf = async (name: string, book: ExcelJS.Workbook) => ({ name, mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) })
/** Taps the import button and picks the file in the chooser it opens. */
const uploadWith = async (page: Page, button: string, file: Awaited<ReturnType<typeof fileOf>>) => {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.button:visible', { hasText: button }).first().click()
  await (await chooser).setFiles(file)
}

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
      return fileOf('设施清单.xlsx', book)
    }
    const upload = (file: Awaited<ReturnType<typeof sheetWith>>) => uploadWith(page, '导入设施清单', file)
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

// The district clerk changes the meal subsidy in 区级规则; the form refuses a wrong amount before sending. Then creates a
// facility with the facility form, changes a booking rule, and keeps the holidays in Excel.
describe('the district keeps its rules in chromium', () => {
  // Standing in 红旗社区 (WGS-84, as a browser reports it), for 用我现在的位置.
  const STANDING = { lat: 34.6566, lng: 109.2253 }
  // bypassCSP: axe is injected as a script, which the app's CSP would refuse.
  const session = useServedBrowser({
    context: { geolocation: { latitude: STANDING.lat, longitude: STANDING.lng }, permissions: ['geolocation'], bypassCSP: true },
  })
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

  const field = (label: string) => visible(`input[aria-label="${label}"], [aria-label="${label}"] input`)
  const db = () => session.served().store.db.kysely

  it('creates a facility with the facility form: a taken 编号 is refused under the field, nothing typed is lost', async () => {
    await visible('.button', '新增设施').click()
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '设施编号')
    expect(blockingOf(await runAxe(page))).toEqual([])
    await field('设施编号').fill('yl-hongqi')
    await field('设施名称').fill('新华花园社区嵌入式服务设施')
    await visible('.option', '新华路街道 · 红旗社区').click()
    await field('地址').fill('阎良区新华路 18 号')
    await field('面积（㎡）').fill('680')
    await field('建设年度').fill('2027')
    await field('电话').fill('029-86867777')
    await visible('.option', '公建民营').click()
    await visible('.option', '社区助餐').click()
    await visible('.option', '文化休闲').click()
    // Meals only at lunch: hours of its own, started from the facility's.
    await visible('.switch-row', '社区助餐另有开放时间').click()
    await field('社区助餐开门').fill('11:00')
    await field('社区助餐关门').fill('13:00')
    await visible('.button', '用我现在的位置').click()
    await visible('.admin__message--ok', '已填入您现在的位置').waitFor()
    // The browser's WGS-84 position, typed in as GCJ-02 (a few hundred metres off in Xi'an).
    const here = wgs84ToGcj02(STANDING)
    const lat = Number(await field('纬度').inputValue())
    expect(lat).toBeCloseTo(here.lat, 5)
    expect(Number(await field('经度').inputValue())).toBeCloseTo(here.lng, 5)
    await visible('.button', '新增这个设施').click()
    await visible('.text-field__error', '已经被另一个设施使用').waitFor()
    expect(await field('设施名称').inputValue()).toBe('新华花园社区嵌入式服务设施')
    await shot(page, 'admin-create-refused')

    await field('设施编号').fill('yl-xinhua-garden')
    await visible('.button', '新增这个设施').click()
    await visible('.admin__message--ok', '已新增 新华花园社区嵌入式服务设施').waitFor()
    await visible('.admin__name', '新华花园社区嵌入式服务设施').waitFor()
    const row = await db().selectFrom('facilities').select(['community_id', 'area_sqm', 'phone', 'lat']).where('id', '=', 'yl-xinhua-garden').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ area_sqm: 680, phone: '029-86867777' })
    expect(row.lat).toBeCloseTo(lat, 5)
    const meal = await db().selectFrom('facility_functions').select('hours').where('facility_id', '=', 'yl-xinhua-garden').where('function_code', '=', 'meal').executeTakeFirstOrThrow()
    expect(JSON.parse(meal.hours ?? 'null')).toEqual([{ days: '周一至周日', opens: '11:00', closes: '13:00' }])
    const resident = await (await phoneContext(page.context().browser()!)).newPage()
    await resident.goto(`${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-xinhua-garden`)
    await resident.locator('text=社区助餐：周一至周日 11:00–13:00').first().waitFor()
    await resident.close()
  })

  it('changes a booking rule: a wrong number is said under its field and kept until corrected; sets the new facility’s', async () => {
    await visible('.button', '修改 红旗社区 · 社区助餐 的预约规则').click()
    expect(blockingOf(await runAxe(page))).toEqual([])
    await field('每单最多几份').fill('5')
    await field('每个账号每场最多几份').fill('2')
    await visible('.button', '保存预约规则').click()
    await visible('.text-field__error', '每个账号最多份数应不少于每单最多份数').waitFor()
    expect(await field('每单最多几份').inputValue()).toBe('5')
    await field('截止时间（开始前几分钟停止预约）').fill('90')
    await visible('.muted', '即开始前 1 小时 30 分钟').waitFor()
    await field('每个账号每场最多几份').fill('10')
    await visible('.button', '保存预约规则').click()
    await visible('.admin__message--ok', '红旗社区 · 社区助餐 的预约规则已保存').waitFor()
    const rule = await db()
      .selectFrom('booking_rules')
      .select(['max_units', 'max_units_per_account', 'cutoff_minutes'])
      .where('facility_id', '=', 'yl-hongqi')
      .where('function_code', '=', 'meal')
      .executeTakeFirstOrThrow()
    expect(rule).toEqual({ max_units: 5, max_units_per_account: 10, cutoff_minutes: 90 })
    await shot(page, 'admin-booking-rule')

    // The facility created above takes meals but has no rule yet: set, starting from another facility's meal rule.
    await visible('.button', '设置 新华花园社区 · 社区助餐 的预约规则').click()
    expect(await field('提前几天可约').inputValue()).not.toBe('')
    await field('提前几天可约').fill('3')
    await visible('.button', '保存预约规则').click()
    await visible('.admin__message--ok', '新华花园社区 · 社区助餐 的预约规则已保存').waitFor()
    await visible('.button', '修改 新华花园社区 · 社区助餐 的预约规则').waitFor()
    const set = await db().selectFrom('booking_rules').select('horizon_days').where('facility_id', '=', 'yl-xinhua-garden').where('function_code', '=', 'meal').executeTakeFirstOrThrow()
    expect(set.horizon_days).toBe(3)
  })

  it('imports the holidays from a spreadsheet: every problem listed first, then written once corrected', async () => {
    const sheetWith = async (kind: string) => {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('节假日与调休')
      sheet.addRow(CALENDAR_COLUMNS.map((c) => c.header))
      sheet.addRow(['2028-01-01', '放假', '元旦'])
      sheet.addRow(['2028-01-29', kind, '春节调休'])
      return fileOf('节假日与调休.xlsx', book)
    }
    const upload = (file: Awaited<ReturnType<typeof sheetWith>>) => uploadWith(page, '导入节假日表', file)
    await upload(await sheetWith('上班'))
    await visible('.admin__problem', '第 3 行 类型：不认识「上班」').waitFor()
    expect(await db().selectFrom('calendar_days').select('date').where('date', 'like', '2028-%').execute()).toEqual([])
    await upload(await sheetWith('调休上班'))
    await visible('.admin__message--ok', '已导入 2028 年：新增 2 天').waitFor()
    const days = await db().selectFrom('calendar_days').selectAll().where('date', 'like', '2028-%').orderBy('date').execute()
    expect(days).toEqual([
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
      { date: '2028-01-29', kind: 'workday', name: '春节调休' },
    ])
    await visible('.admin__line', '2028 年节假日').waitFor()
    await shot(page, 'admin-calendar-import')
  })
})
