import { type TestApp, createTestApp } from '../support/app'
import { DATABASES } from '../support/databases'
import { IDENTITIES, type Identity, type World, concretePath, createWorld } from '../support/identities'

/**
 * Who may call each route, written out here independently of the routes' own declarations: the test walks the
 * app's route table, so a route missing from this matrix (or a matrix row for a route that is gone) fails.
 * - public: anyone; resident: anyone signed in; own: anyone signed in, and another resident's object is 404;
 * - staff: operator or government staff; operate: operator staff of the facility; oversee: they, and street or
 *   district staff over it; government: street or district staff; district: district staff.
 */
// Every route × every identity: under a loaded CI machine this takes more than jest's default 5 s.
jest.setTimeout(60_000)

type Rule = 'public' | 'resident' | 'own' | 'staff' | 'operate' | 'oversee' | 'government' | 'district'

const MATRIX: Record<string, Rule> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'POST /api/auth/wechat': 'public',
  'POST /api/auth/dev': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/logout-all': 'resident',
  'GET /api/me': 'resident',
  'GET /api/me/export': 'resident',
  'POST /api/feedback': 'resident',
  'GET /api/me/feedback': 'resident',
  'POST /api/me/feedback/:id/verdict': 'resident',
  'GET /api/admin/feedback': 'government',
  'POST /api/admin/feedback/:id/answer': 'government',
  'GET /api/surveys': 'resident',
  'GET /api/surveys/:id': 'resident',
  'POST /api/surveys/:id/answers': 'resident',
  'GET /api/admin/surveys': 'government',
  'POST /api/admin/surveys': 'government',
  'POST /api/admin/surveys/:id/close': 'government',
  'GET /api/admin/surveys/:id/export': 'government',
  'GET /api/communities': 'public',
  'GET /api/me/announcements': 'resident',
  'PUT /api/me/community': 'resident',
  'POST /api/announcements/:id/read': 'resident',
  'GET /api/admin/announcements': 'government',
  'POST /api/admin/announcements': 'government',
  'POST /api/admin/announcements/:id/withdraw': 'government',
  'GET /api/facilities/:id/activities': 'public',
  'GET /api/staff/facilities/:facilityId/activities': 'operate',
  'POST /api/staff/facilities/:facilityId/activities': 'operate',
  'POST /api/staff/facilities/:facilityId/activities/:activityId/withdraw': 'operate',
  'POST /api/home-services': 'resident',
  'GET /api/me/home-services': 'resident',
  'POST /api/me/home-services/:id/cancel': 'resident',
  'GET /api/staff/facilities/:facilityId/home-services': 'operate',
  'POST /api/staff/facilities/:facilityId/home-services/:id/accept': 'operate',
  'POST /api/staff/facilities/:facilityId/home-services/:id/decline': 'operate',
  'POST /api/me/deletion': 'resident',
  'GET /api/me/members': 'resident',
  'POST /api/me/members': 'resident',
  'GET /api/me/members/:id': 'own',
  'PATCH /api/me/members/:id': 'own',
  'DELETE /api/me/members/:id': 'own',
  'GET /api/functions': 'public',
  'GET /api/districts': 'public',
  'GET /api/facilities': 'public',
  'GET /api/facilities/:id': 'public',
  'GET /api/facilities/:id/sessions': 'public',
  'GET /api/facilities/:id/ratings': 'public',
  'POST /api/bookings/quote': 'resident',
  'POST /api/bookings': 'resident',
  'GET /api/bookings': 'resident',
  'GET /api/bookings/:id': 'own',
  'POST /api/bookings/:id/cancel': 'own',
  'POST /api/bookings/:id/days/:date/cancel': 'own',
  'POST /api/bookings/:id/rating': 'own',
  'GET /api/bookings/:id/rating': 'own',
  'POST /api/bookings/:id/rating/verdict': 'own',
  'GET /api/me/notices': 'resident',
  'POST /api/me/notices/:id/read': 'own',
  'POST /api/me/notices/read-all': 'resident',
  'GET /api/notices/templates': 'public',
  'POST /api/waitlist': 'resident',
  'GET /api/waitlist': 'resident',
  'POST /api/waitlist/:id/confirm': 'resident',
  'DELETE /api/waitlist/:id': 'resident',
  'GET /api/staff/facilities': 'staff',
  'GET /api/staff/facilities/:facilityId/roster': 'oversee',
  'GET /api/staff/facilities/:facilityId/bookings': 'operate',
  'POST /api/staff/facilities/:facilityId/bookings/:id/:action': 'operate',
  'POST /api/staff/facilities/:facilityId/bookings/:id/verify-subsidy': 'operate',
  'POST /api/staff/facilities/:facilityId/bookings/:id/care-level': 'operate',
  'GET /api/staff/facilities/:facilityId/walk-ins': 'operate',
  'POST /api/staff/facilities/:facilityId/walk-ins': 'operate',
  'POST /api/staff/facilities/:facilityId/walk-in-bookings/quote': 'operate',
  'POST /api/staff/facilities/:facilityId/walk-in-bookings': 'operate',
  'GET /api/staff/facilities/:facilityId/meal-template': 'oversee',
  'PUT /api/staff/facilities/:facilityId/meal-template/:weekday/:part': 'operate',
  'POST /api/staff/facilities/:facilityId/meal-template/publish': 'operate',
  'GET /api/staff/facilities/:facilityId/care-schedules': 'oversee',
  'PUT /api/staff/facilities/:facilityId/care-schedules/:schedule': 'operate',
  'GET /api/staff/facilities/:facilityId/infant-rates': 'oversee',
  'PUT /api/staff/facilities/:facilityId/infant-rates': 'operate',
  'GET /api/facilities/:id/prices': 'public',
  'GET /api/admin/price-changes': 'government',
  'PUT /api/admin/rules/school-breaks': 'district',
  'GET /api/admin/school-breaks/export': 'district',
  'GET /api/admin/school-breaks/template': 'district',
  'POST /api/admin/school-breaks/import': 'district',
  'PATCH /api/staff/facilities/:facilityId/sessions/:sessionId': 'operate',
  'POST /api/staff/facilities/:facilityId/close': 'operate',
  'POST /api/staff/facilities/:facilityId/reopen': 'operate',
  'POST /api/staff/facilities/:facilityId/bookings/:id/undo': 'operate',
  'GET /api/staff/facilities/:facilityId/suspensions': 'operate',
  'POST /api/staff/facilities/:facilityId/suspensions/:id/lift': 'operate',
  'GET /api/staff/facilities/:facilityId/cases': 'oversee',
  'POST /api/staff/facilities/:facilityId/cases/:caseId/answer': 'operate',
  'GET /api/evaluation': 'government',
  'GET /api/evaluation/export': 'government',
  'GET /api/evaluation/coverage': 'government',
  'GET /api/evaluation/cases/overdue': 'government',
  'GET /api/evaluation/qualified/preview': 'district',
  'POST /api/evaluation/qualified': 'district',
  'GET /api/operators/qualified/periods': 'public',
  'GET /api/operators/qualified': 'public',
  'GET /api/admin/facilities': 'government',
  'POST /api/admin/facilities': 'government',
  'PATCH /api/admin/facilities/:id': 'government',
  'POST /api/admin/facilities/:id/retire': 'government',
  'POST /api/admin/facilities/:id/reopen': 'government',
  'GET /api/admin/operators': 'government',
  'POST /api/admin/operators': 'district',
  'PATCH /api/admin/operators/:id': 'district',
  'GET /api/admin/audit': 'government',
  'GET /api/admin/facilities/export': 'government',
  'GET /api/admin/facilities/template': 'government',
  'POST /api/admin/facilities/import': 'government',
  'GET /api/admin/staff': 'district',
  'POST /api/admin/staff': 'district',
  'POST /api/admin/staff/revoke': 'district',
  'GET /api/admin/rules': 'government',
  'PUT /api/admin/rules/rating': 'district',
  'PUT /api/admin/rules/no-show/:function': 'district',
  'PUT /api/admin/rules/subsidy-tiers': 'district',
  'PUT /api/admin/rules/calendar/:year': 'district',
  'PUT /api/admin/rules/evaluation': 'district',
  'PUT /api/admin/rules/booking/:facilityId/:function': 'government',
  'GET /api/admin/calendar/export': 'district',
  'GET /api/admin/calendar/template': 'district',
  'POST /api/admin/calendar/import': 'district',
}

/** Who gets past the gate (anything but 401 / 403) under each rule; everyone else is refused. */
const ADMITTED: Record<Rule, readonly Identity[]> = {
  public: IDENTITIES,
  resident: IDENTITIES.filter((who) => who !== 'anonymous'),
  own: IDENTITIES.filter((who) => who !== 'anonymous'),
  staff: ['operator', 'otherOperator', 'street', 'otherStreet', 'district'],
  operate: ['operator'],
  oversee: ['operator', 'street', 'district'],
  government: ['street', 'otherStreet', 'district'],
  district: ['district'],
}

/** For `own` routes that read a body: one that is valid, so another resident meets the 404, not a 400. */
const VALID_BODIES: Record<string, object> = {
  'PATCH /api/me/members/:id': { name: '王秀英' },
  'POST /api/bookings/:id/rating': {
    level: 5,
    scores: { attitude: 5, quality: 5, environment: 5, price: 5 },
    wouldUseAgain: true,
  },
  'POST /api/bookings/:id/rating/verdict': { accept: true },
}

/** What a refusal is: 401 for nobody, 403 for the signed-in who may not. */
const refusal = (who: Identity) => (who === 'anonymous' ? 401 : 403)

describe.each(DATABASES)('who may call every route, on %s', (database) => {
  let t: TestApp
  let world: World
  beforeAll(async () => {
    t = await createTestApp(database)
    world = await createWorld(t)
  })
  afterAll(() => t.close())

  it('has a rule for every route in the app, and no rule for a route that is gone', () => {
    const routes = t.app.routeTable.map((r) => `${r.method} ${r.url}`)
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([])
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([])
  })

  it('admits exactly whom the matrix admits, before reading any input', async () => {
    const seen: string[] = []
    // Signing out ends the identities' sessions: everywhere (needs a session), then here (public), go last.
    const signsOut = (url: string) => ['/api/auth/logout-all', '/api/auth/logout'].indexOf(url) + 1
    const routes = [...t.app.routeTable].sort((a, b) => signsOut(a.url) - signsOut(b.url))
    for (const route of routes) {
      const rule = MATRIX[`${route.method} ${route.url}`]
      if (!rule) continue
      const url = concretePath(route.url, world)
      // Owners last: a resident's DELETE or cancel must not change what the others are refused on.
      for (const who of [...IDENTITIES].reverse()) {
        // No body (but for another resident's object): the gate decides before the body is read, so the refused
        // get 401 / 403, not 400.
        const body = rule === 'own' ? VALID_BODIES[`${route.method} ${route.url}`] : undefined
        const res = await t.app.inject({ method: route.method as 'GET', url, headers: world.headers[who], ...(body ? { payload: body } : {}) })
        const admitted = ADMITTED[rule].includes(who)
        const expected = admitted ? (rule === 'own' && who === 'otherResident' ? '404' : 'admitted') : String(refusal(who))
        const got = [401, 403].includes(res.statusCode) ? String(res.statusCode) : expected === '404' ? String(res.statusCode) : 'admitted'
        seen.push(`${route.method} ${route.url} as ${who}: ${got === expected ? 'ok' : `expected ${expected}, got ${res.statusCode} ${res.body}`}`)
      }
    }
    expect(seen.filter((line) => !line.endsWith(': ok'))).toEqual([])
    expect(seen).toHaveLength(t.app.routeTable.length * IDENTITIES.length)
  }, 30_000)
})
