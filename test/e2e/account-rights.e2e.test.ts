import { readFileSync } from 'node:fs'
import { CHILD_CONSENT } from '@shared/member'
import type { Page } from 'playwright-core'
import { devLogin } from '../support/app'
import { addMember, book, mealSession } from '../support/bookings'
import { shot, useServedBrowser } from '../support/browser'

jest.setTimeout(90_000)

// A daughter reads what the service holds about her family, downloads it, withdraws her consent for her child,
// tries to delete her account while her mother's lunch is still booked (told why), and deletes it once it is not.
describe('a resident’s rights over her data in chromium', () => {
  const session = useServedBrowser()
  let page: Page
  let bookingId = ''
  const db = () => session.served().store.db.kysely

  beforeAll(async () => {
    page = session.page()
    const { app } = session.served()
    const headers = await devLogin(app, 'rights-e2e')
    const mother = await addMember(app, headers, { name: '赵桂芝', birthDate: '1943-02-01' })
    await addMember(app, headers, { name: '刘小禾', relation: '女儿', birthDate: '2024-08-01', childConsentVersion: CHILD_CONSENT.version })
    const lunch = await mealSession(app)
    bookingId = (await book(app, headers, { sessionId: lunch.id, memberId: mother.id, meal: { setId: lunch.sets[0].id, fulfilment: 'dine_in' } })).id
    await page.addInitScript(() => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'rights-e2e' })))
  })

  const visible = (selector: string, text?: string | RegExp) => page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()

  it('shows everything held about the family and downloads it as JSON', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.button', '我的数据').click()
    await visible('.data__line', '赵桂芝').waitFor()
    await visible('.data__line', '监护人同意（儿童信息）').waitFor()
    await visible('.data__line', '社区助餐').waitFor()
    const download = page.waitForEvent('download')
    await visible('.button', '下载全部数据').focus()
    await page.keyboard.press('Enter')
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'))
    expect(file.members.map((m: { name: string }) => m.name).sort()).toEqual(['刘小禾', '赵桂芝'])
    expect(file.bookings.map((b: { id: string }) => b.id)).toEqual([bookingId])
    await shot(page, 'my-data')
  })

  it('withdraws the guardian’s consent: the child’s data is gone', async () => {
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('[role="link"]', '刘小禾').click()
    await visible('.button', '撤回监护人授权并删除孩子的信息').click()
    await visible('.button', '确定撤回').click()
    await page.waitForFunction(() => !location.hash.includes('member/edit'))
    expect(await db().selectFrom('family_members').select('id').where('name', '=', '刘小禾').execute()).toEqual([])
  })

  it('refuses to delete the account while a lunch is booked, then deletes it once cancelled', async () => {
    await page.goto(`${session.served().baseUrl}/#/packages/member/my-data/index`)
    await visible('.button', /^注销账号$/).click()
    await visible('.button', '确定注销').click()
    await visible('[role="status"]', '1 个未完成的预约').waitFor()
    await visible('.button', '查看我的预约').waitFor()
    await shot(page, 'delete-account-refused')

    const userId = (await db().selectFrom('bookings').select('booker_user_id').where('id', '=', bookingId).executeTakeFirstOrThrow()).booker_user_id
    await db().updateTable('bookings').set({ status: 'cancelled' }).where('id', '=', bookingId).execute()
    await visible('.button', /^注销账号$/).click()
    await visible('.button', '确定注销').click()
    await page.getByText('账号已注销').first().waitFor()
    await shot(page, 'account-deleted')
    expect(await db().selectFrom('family_members').select('id').where('owner_user_id', '=', userId).execute()).toEqual([])
    expect((await db().selectFrom('users').select('deleted_at').where('id', '=', userId).executeTakeFirstOrThrow()).deleted_at).not.toBeNull()

    // Back on 我的, the device no longer holds a session.
    await page.goto(`${session.served().baseUrl}/#/pages/profile/index`)
    await visible('.section-title', '已退出登录').waitFor()
  })
})
