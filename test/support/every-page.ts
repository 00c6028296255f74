import type { Browser, Page } from 'playwright-core'
import { CHILD_CONSENT } from '@shared/member'
import { changeBookingStatus } from '../../server/bookings/booking-lifecycle'
import { grantStaff } from '../../server/staff/staff-grants'
import { shanghaiInstant } from '../../server/time/shanghai'
import { devLogin } from './app'
import { addMember, book, mealOrder, mealSession } from './bookings'
import { phoneContext } from './browser'
import { bornMonthsBefore } from './calendar'
import type { TestClock } from './clock'
import type { ServedApp } from './served-app'

/**
 * Every page of the app as src/app.config.ts lists it (tabs and subpackages), so the browser gates (axe, the
 * keyboard, 长辈版 sizes) cover a page as soon as it is added there.
 */
export function appPagePaths(): string[] {
  const global = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  global.defineAppConfig ??= (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

export type Identity = 'resident' | 'operator' | 'district'

export interface Fixtures {
  /** A dinner the day after the clock's day, still to be eaten, for the daughter's mother. */
  bookedId: string
  bookedCode: string
  /** A lunch today, eaten: it can be rated. */
  completedId: string
  motherId: string
  /** A 需求征集 of 新华路街道, open, not yet answered by the daughter. */
  surveyId: string
  /** 红旗社区's 太极拳晨练 (文化休闲), tomorrow and a week later, open to all ages. */
  activityId: string
}

/** A choice made on the way: a control reached with Tab and pressed with Enter, a text box typed into, or a key pressed (an arrow in a radio group). */
export type Step = RegExp | { name: RegExp; type: string } | { name: RegExp; press: string }

/** How each page is opened with real data: as whom, with which query. */
export interface Visit {
  identity: Identity
  query?: (f: Fixtures) => string
  /** Text the page shows once its data is there. */
  ready: string
  /**
   * The page's main action, reached with Tab and pressed with Enter, and what shows it happened; `before`: the
   * choices it needs first, each reached with Tab and chosen with Enter.
   */
  main: { before?: Step[]; name: RegExp; type?: (f: Fixtures) => string; shows: { url?: string; text?: string; request?: string } } | null
}

export const VISITS: Record<string, Visit> = {
  'pages/facilities/index': {
    identity: 'resident',
    ready: '红旗社区',
    // The card (「我的下一个预约 › … 红旗社区 …」 above it names the facility too).
    main: { name: /^红旗社区嵌入式服务设施/, shows: { url: 'packages/facility/detail/index?id=yl-hongqi' } },
  },
  'pages/bookings/index': {
    identity: 'resident',
    ready: '核销码',
    main: { name: /社区助餐/, shows: { url: 'packages/booking/detail/index' } },
  },
  'pages/profile/index': {
    identity: 'resident',
    ready: '王秀英',
    main: { name: /添加家人或本人/, shows: { url: 'packages/member/edit/index' } },
  },
  'packages/facility/detail/index': {
    identity: 'resident',
    query: () => 'id=yl-hongqi',
    ready: '红旗社区',
    main: { name: /预约社区助餐/, shows: { url: 'packages/meal/order/index' } },
  },
  'packages/facility/qualified/index': {
    identity: 'resident',
    ready: '合格',
    // A page to read: nothing on it to press.
    main: null,
  },
  'packages/meal/order/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-hongqi',
    ready: '个人支付',
    main: { name: /确认订餐|确认预约/, shows: { text: '预约成功' } },
  },
  'packages/booking/detail/index': {
    identity: 'resident',
    query: (f) => `id=${f.bookedId}`,
    ready: '核销码',
    main: { name: /取消预约/, shows: { text: '确定' } },
  },
  'packages/booking/rate/index': {
    identity: 'resident',
    query: (f) => `id=${f.completedId}`,
    ready: '这次服务您满意吗',
    main: {
      before: [/非常满意/, /^愿意$/],
      name: /提交评价/,
      shows: { text: '谢谢您的评价' },
    },
  },
  'packages/member/edit/index': {
    identity: 'resident',
    query: (f) => `id=${f.motherId}`,
    ready: '出生日期',
    // Saved, it goes back to where it was opened from; opened directly, as here, to 我的 (not a reload of the form).
    main: { name: /保存/, shows: { request: '/api/me/members/', url: 'pages/profile/index' } },
  },
  'packages/member/my-data/index': {
    identity: 'resident',
    ready: '账号编号',
    main: { name: /下载全部数据/, shows: { text: '已下载到本机' } },
  },
  'packages/member/feedback/index': {
    identity: 'resident',
    ready: '找设施提意见',
    main: { name: /找设施提意见/, shows: { url: 'pages/facilities/index' } },
  },
  'packages/facility/feedback/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-hongqi',
    ready: '写给街道办事处',
    main: { before: [{ name: /内容/, type: '希望周末也能订午餐' }], name: /^提交$/, shows: { text: '已提交' } },
  },
  'packages/facility/home-service/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-hangkong-erlu',
    ready: '申请上门服务',
    main: {
      // The first day offered is today while one of its windows is still ahead, else tomorrow; the first window open.
      before: [
        /^保洁/,
        /^(今天|明天) /,
        /上午 08:00|下午 13:00|傍晚 17:00/,
        { name: /上门地址/, type: '华宇理想国小区 3 号楼 501' },
        { name: /联系电话/, type: '13912345678' },
      ],
      name: /^提交申请$/,
      shows: { text: '已提交' },
    },
  },
  'packages/member/surveys/index': {
    identity: 'resident',
    ready: '家门口服务需求征集',
    main: { name: /家门口服务需求征集/, shows: { url: 'packages/member/survey/index' } },
  },
  'packages/member/survey/index': {
    identity: 'resident',
    query: (f) => `id=${f.surveyId}`,
    ready: '不住在以下社区的居民不用填写',
    main: { before: [/人民东路社区/, /社区助餐/, /工作日上午/, /只用免费的/], name: /^提交$/, shows: { text: '您已填写，谢谢' } },
  },
  'packages/member/community/index': {
    identity: 'resident',
    ready: '不指定（只看全区的公告）',
    main: { name: /^保存$/, shows: { text: '已保存' } },
  },
  'packages/member/privacy/index': {
    identity: 'resident',
    ready: '我们收集哪些信息',
    main: { name: /查看我的数据/, shows: { url: 'packages/member/my-data/index' } },
  },
  'packages/member/child-privacy/index': {
    identity: 'resident',
    ready: '监护人的权利',
    main: { name: /查看我的数据/, shows: { url: 'packages/member/my-data/index' } },
  },
  'packages/care/infant/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-hangkong-erlu',
    ready: '李小雨',
    main: { before: [/我是监护人，同意并确认/], name: /确认预约/, shows: { text: '预约成功' } },
  },
  'packages/care/respite/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-jiayuan',
    ready: '王秀英',
    main: { name: /确认预约/, shows: {} },
  },
  'packages/care/after-school/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-hangkong-erlu',
    ready: '托管',
    // 托管 takes 6 to 13: the picker offers only her brother (the toddler is said to be too young), already chosen.
    main: {
      before: [{ name: /接送人 1/, type: '李雨（妈妈）' }, { name: /接送人 1 手机号/, type: '13912345678' }],
      name: /确认预约/,
      shows: { text: '预约成功' },
    },
  },
  'packages/care/day-care/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-hongqi',
    ready: '王秀英',
    main: { name: /确认预约/, shows: {} },
  },
  'packages/facility/function/index': {
    identity: 'resident',
    query: () => 'facilityId=yl-hongqi&function=culture',
    ready: '太极拳晨练',
    main: { name: /报名「太极拳晨练」/, shows: { url: 'packages/care/activity/index' } },
  },
  'packages/care/activity/index': {
    identity: 'resident',
    query: (f) => `facilityId=yl-hongqi&activityId=${f.activityId}`,
    ready: '太极拳晨练',
    main: { name: /确认报名/, shows: { text: '预约成功' } },
  },
  'packages/staff/index/index': {
    identity: 'operator',
    ready: '红旗社区',
    main: { name: /核销/, shows: { url: 'packages/staff/desk/index' } },
  },
  'packages/staff/desk/index': {
    identity: 'operator',
    query: () => 'facilityId=yl-hongqi',
    ready: '核销码',
    // Enter in the code box looks the code up.
    main: { name: /核销码/, type: (f) => f.bookedCode, shows: { text: '王秀英' } },
  },
  'packages/staff/cases/index': {
    identity: 'operator',
    query: () => 'facilityId=yl-hongqi',
    ready: '非常不满意',
    main: {
      before: [{ name: /核实情况/, type: '已电话回访' }, { name: /整改措施/, type: '改用保温餐车' }],
      name: /提交回复/,
      shows: { text: '已回复' },
    },
  },
  'packages/staff/evaluation/index': {
    identity: 'district',
    ready: '红旗社区',
    main: { name: /查看|本月/, shows: {} },
  },
  'packages/staff/facilities/index': {
    identity: 'district',
    ready: '修改记录',
    main: { name: /修改红旗社区/, shows: { text: '设施名称' } },
  },
}

const OPENID: Record<Identity, string> = { resident: 'pages-daughter', operator: 'pages-operator', district: 'pages-district' }

/**
 * The data every page is visited with: a daughter with her mother (a lunch tomorrow, a lunch eaten today) and her
 * 18-month-old, an operator of 红旗社区 and a district official. The clock stands on the first lunch's evening, after
 * its dinner (rated 非常不满意).
 */
export async function seedEveryPage(served: ServedApp, clock: TestClock): Promise<Fixtures> {
  const { app, store } = served
  const headers = await devLogin(app, OPENID.resident)
  const mother = await addMember(app, headers, {})
  const today = clock.today()
  await addMember(app, headers, {
    name: '李小雨',
    relation: '女儿',
    birthDate: bornMonthsBefore(today, 18),
    gender: 'female',
    childConsentVersion: CHILD_CONSENT.version,
  })
  await addMember(app, headers, {
    name: '李小明',
    relation: '儿子',
    birthDate: bornMonthsBefore(today, 8 * 12 + 3),
    gender: 'male',
    childConsentVersion: CHILD_CONSENT.version,
  })
  const eaten = await book(app, headers, mealOrder(await mealSession(app, { facilityId: 'yl-hongqi', date: clock.today(1) }), { memberId: mother.id }))
  const booked = await book(app, headers, mealOrder(await mealSession(app, { facilityId: 'yl-hongqi', date: clock.today(2), part: 'dinner' }), { memberId: mother.id }))
  // The same day's dinner, eaten too and already rated 非常不满意: the operator has a case to answer.
  const dinner = await book(app, headers, mealOrder(await mealSession(app, { facilityId: 'yl-hongqi', date: clock.today(1), part: 'dinner' }), { memberId: mother.id }))
  clock.set(shanghaiInstant(dinner.date, '19:30'))
  for (const bookingId of [eaten.id, dinner.id]) {
    for (const to of ['checked_in', 'completed'] as const) {
      await changeBookingStatus(store.db.kysely, { bookingId, to, actorUserId: null, now: clock.now() })
    }
  }
  const rated = await app.inject({
    method: 'POST',
    url: `/api/bookings/${dinner.id}/rating`,
    headers,
    payload: { level: 1, scores: { attitude: 1, quality: 1, environment: 2, price: 2 }, wouldUseAgain: false, comment: '饭是凉的' },
  })
  if (rated.statusCode !== 201) throw new Error(`rating failed: ${rated.statusCode} ${rated.body}`)
  const operator = await devLogin(app, OPENID.operator)
  await grantStaff(store.db.kysely, { user: `dev:${OPENID.operator}`, scopeKind: 'operator', scopeId: 'yl-hongqi-operator', grantedBy: 'test' }, clock.now())
  const activity = await app.inject({
    method: 'POST',
    url: '/api/staff/facilities/yl-hongqi/activities',
    headers: operator,
    payload: { function: 'culture', title: '太极拳晨练', description: '老师带练二十四式太极拳', dates: [clock.today(1), clock.today(8)], starts: '09:00', ends: '10:00', places: 20 },
  })
  if (activity.statusCode !== 201) throw new Error(`activity failed: ${activity.statusCode} ${activity.body}`)
  const district = await devLogin(app, OPENID.district)
  await grantStaff(store.db.kysely, { user: `dev:${OPENID.district}`, scopeKind: 'district', scopeId: 'xa-yanliang', grantedBy: 'test' }, clock.now())
  const survey = await app.inject({
    method: 'POST',
    url: '/api/admin/surveys',
    headers: district,
    payload: { streetId: 'yl-xinhualu', title: '家门口服务需求征集', intro: '请告诉我们您家需要哪些服务', closesOn: clock.today(14) },
  })
  if (survey.statusCode !== 201) throw new Error(`survey failed: ${survey.statusCode} ${survey.body}`)
  // A 公告 for the whole district: on the daughter's first screen, unread.
  const notice = await app.inject({
    method: 'POST',
    url: '/api/admin/announcements',
    headers: district,
    payload: { kind: 'policy', title: '高龄津贴申领提醒', body: '80 周岁以上老人可到社区服务站申领高龄津贴，带身份证即可。', untilOn: clock.today(14) },
  })
  if (notice.statusCode !== 201) throw new Error(`announcement failed: ${notice.statusCode} ${notice.body}`)
  return { bookedId: booked.id, bookedCode: booked.code, completedId: eaten.id, motherId: mother.id, surveyId: survey.json().id, activityId: activity.json().id }
}

/** A phone page signed in as `identity`, at the clock's instant, in 长辈版 or not; CSP bypassed so axe can be injected. */
export async function pageAs(
  browser: Browser,
  clock: TestClock,
  identity: Identity,
  { elder, width = 375 }: { elder: boolean; width?: number },
): Promise<Page> {
  const context = await phoneContext(browser, { bypassCSP: true, viewport: { width, height: 812 } })
  const page = await context.newPage()
  await page.clock.setFixedTime(clock.now())
  await page.addInitScript(
    ([id, elderOn]) => {
      localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: id }))
      localStorage.setItem('doorstep.elderMode', JSON.stringify({ data: elderOn }))
      // 长辈版 was offered on first start already: the offer is not what these pages are about.
      localStorage.setItem('doorstep.elderOffered', JSON.stringify({ data: true }))
    },
    [OPENID[identity], elder] as const,
  )
  return page
}

/** Opens a page by its path and waits until its data shows. */
export async function openPage(page: Page, baseUrl: string, path: string, fixtures: Fixtures): Promise<void> {
  const visit = VISITS[path]
  const query = visit.query?.(fixtures)
  await page.goto(`${baseUrl}/#/${path}${query ? `?${query}` : ''}`)
  await page.locator('.page:visible', { hasText: visit.ready }).first().waitFor({ timeout: 15_000 })
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
}
