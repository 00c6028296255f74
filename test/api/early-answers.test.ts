import { EARLY_ANSWERS } from '../../config/early-answers'
import { type TestApp, createTestApp } from '../support/app'
import { appPagePaths } from '../support/every-page'

// js/boot.js asks for these before anyone has signed in, and a browser may keep them: they must be public answers
// (no person's data) from routes that exist, or the page would start by asking for nothing useful.
describe('the answers a page asks for as it starts', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite')
  })
  afterAll(() => t.close())

  const cases = Object.entries(EARLY_ANSWERS).flatMap(([page, paths]) => paths.map((path) => [page, path] as const))

  it.each(cases)('%s: %s answers without a sign-in, and the answer is public', async (_page, path) => {
    const url = path.replace(/\{\w+\}/g, 'yl-hangkong-erlu')
    const res = await t.app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    // What is personal is sent no-store (server/app.ts); these must not be.
    expect(res.headers['cache-control']).not.toBe('no-store')
  })

  it('names only pages of the app', () => {
    const pages = appPagePaths()
    for (const page of Object.keys(EARLY_ANSWERS)) expect(pages).toContain(page)
  })
})
