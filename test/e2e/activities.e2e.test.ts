import type { Browser, Page } from 'playwright-core'
import { CHILD_CONSENT } from '@shared/member'
import { grantStaff } from '../../server/staff/staff-grants'
import { shanghaiInstant } from '../../server/time/shanghai'
import { devLogin } from '../support/app'
import { addMember } from '../support/bookings'
import { phoneContext, shot, useServedBrowser, visible } from '../support/browser'
import { TestClock } from '../support/clock'

jest.setTimeout(150_000)

// An activity from end to end: 佳苑's operator publishes a 书法 class for children on 工作台 (an end before its start
// is said at the field, nothing typed is lost); a mother finds it from the facility's 文化休闲 page, signs her son up
// (her own mother is said to be outside its ages); on the day the desk checks him in by the code.
describe('a 文化休闲 class published, signed up for and checked in, in chromium', () => {
  const clock = new TestClock()
  const session = useServedBrowser({ clock: clock.now })
  let operator: Page
  let mother: Page
  let sonName = ''

  const phoneOf = async (openid: string) => {
    const context = await phoneContext(session.page().context().browser() as Browser)
    await context.addInitScript((id) => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: id })), openid)
    const page = await context.newPage()
    await page.clock.setFixedTime(clock.now())
    return page
  }

  beforeAll(async () => {
    const { app, store } = session.served()
    await devLogin(app, 'activity-e2e-operator')
    await grantStaff(store.db.kysely, { user: 'dev:activity-e2e-operator', scopeKind: 'operator', scopeId: 'yl-jiayuan-operator', grantedBy: 'test' }, clock.now())
    const headers = await devLogin(app, 'activity-e2e-mother')
    const year = Number(clock.today().slice(0, 4))
    await addMember(app, headers, { name: '王秀兰', relation: '母亲', birthDate: '1950-05-01' })
    sonName = (await addMember(app, headers, { name: '张小宇', relation: '儿子', birthDate: `${year - 8}-02-01`, childConsentVersion: CHILD_CONSENT.version })).name
    operator = await phoneOf('activity-e2e-operator')
    mother = await phoneOf('activity-e2e-mother')
  })

  it('is published on 工作台 after a wrong time is told at the field', async () => {
    await operator.goto(`${session.served().baseUrl}/#/packages/staff/index/index`)
    await visible(operator, '[role="radio"]', '佳苑').click()
    const card = visible(operator, '[aria-label="活动"]')
    await card.waitFor()
    await card.locator('input[aria-label="活动名称"]').fill('少儿围棋体验课')
    await card.locator('input[aria-label="第一次的日期"]').fill(clock.today(1).replace(/-/g, '/'))
    await card.locator('input[aria-label^="每周同一天"]').fill('2')
    await card.locator('input[aria-label="开始时间"]').fill('15:00')
    await card.locator('input[aria-label="结束时间"]').fill('14:00')
    await card.locator('input[aria-label="每次名额"]').fill('12')
    await card.locator('input[aria-label^="最小年龄"]').fill('6')
    await card.locator('input[aria-label^="最大年龄"]').fill('12')
    await card.locator('.button', { hasText: '发布活动' }).click()
    await card.locator('[role="alert"]', { hasText: '结束时间应晚于开始时间' }).waitFor()
    expect(await card.locator('input[aria-label="活动名称"]').inputValue()).toBe('少儿围棋体验课')
    await card.locator('input[aria-label="结束时间"]').fill('16:30')
    await card.locator('.button', { hasText: '发布活动' }).click()
    await card.locator('.staff-activity', { hasText: '少儿围棋体验课' }).waitFor()
    await card.locator('.staff-activity', { hasText: '共 2 次' }).waitFor()
    await shot(operator, 'activity-published')
  })

  it('is found on the facility’s 文化休闲 page and signed up for, for the child its ages take', async () => {
    await mother.goto(`${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-jiayuan`)
    await visible(mother, '.button', '文化休闲').click()
    await visible(mother, '.function__activity', '少儿围棋体验课').waitFor()
    await visible(mother, '.function__activity', '6–12 岁 · 免费').waitFor()
    await shot(mother, 'activity-function-page')
    await visible(mother, '.button', '报名「少儿围棋体验课」').click()
    await visible(mother, '[role="radio"]', sonName).waitFor()
    // Grandmother is listed, said to be outside the ages, and cannot be chosen.
    await visible(mother, '[role="radio"][aria-disabled="true"]', '王秀兰').waitFor()
    await visible(mother, '[role="radio"]', sonName).click()
    // Keyboard: the confirm button is reached and pressed from the keyboard.
    const confirm = visible(mother, '.button[aria-disabled="false"]', '确认报名 · 0 元')
    await confirm.focus()
    await mother.keyboard.press('Enter')
    await visible(mother, '.page', '预约成功').waitFor()
    await visible(mother, '.page', '文化休闲 · 少儿围棋体验课').waitFor()
    await shot(mother, 'activity-signed-up')
    const booking = await session
      .served()
      .store.db.kysely.selectFrom('bookings')
      .select(['code', 'status', 'function_code'])
      .where('function_code', '=', 'culture')
      .executeTakeFirstOrThrow()
    expect(booking.status).toBe('booked')
  })

  it('is checked in at the desk on its day by the code', async () => {
    const db = session.served().store.db.kysely
    const booking = await db.selectFrom('bookings').select(['id', 'code', 'service_date']).where('function_code', '=', 'culture').executeTakeFirstOrThrow()
    clock.set(shanghaiInstant(booking.service_date, '14:55'))
    await operator.clock.setFixedTime(clock.now())
    await operator.goto(`${session.served().baseUrl}/#/packages/staff/desk/index?facilityId=yl-jiayuan`)
    await visible(operator, 'input[aria-label="核销码"], [aria-label="核销码"] input').fill(booking.code)
    await visible(operator, '.button', '查找').click()
    await visible(operator, '.desk__status', '待使用').waitFor()
    await visible(operator, '.page', '少儿围棋体验课').waitFor()
    await visible(operator, '.button', '签到（免费）').click()
    await visible(operator, '.desk__status', '已签到').waitFor()
    await shot(operator, 'activity-checked-in')
    expect((await db.selectFrom('bookings').select('status').where('id', '=', booking.id).executeTakeFirstOrThrow()).status).toBe('checked_in')
  })
})
