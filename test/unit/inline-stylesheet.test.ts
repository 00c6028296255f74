import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inlineStylesheet } from '../../server/web/inline-stylesheet'

// The app's one stylesheet is written into the page, where the policy allows inline styles; otherwise it stays linked.
describe('the stylesheet written into the page', () => {
  let root: string
  const css = '.page{color:#1f2d27}.button{min-height:44px}'
  const link = '<link href="/css/styles.0123abcd.css" rel="stylesheet">'
  const html = `<!doctype html><html><head><script defer="defer" src="/js/app.0123abcd.js"></script>${link}</head><body></body></html>`
  const HELMET = "default-src 'self';style-src 'self' https: 'unsafe-inline';script-src 'self'"

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'doorstep-css-'))
    mkdirSync(join(root, 'css'))
    writeFileSync(join(root, 'css', 'styles.0123abcd.css'), css)
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('replaces the link with the stylesheet under helmet’s policy and with no policy', () => {
    for (const policy of [HELMET, undefined]) {
      const page = inlineStylesheet(html, root, policy)
      expect(page).toContain(`<style>${css}</style></head>`)
      expect(page).not.toContain('styles.0123abcd.css')
    }
  })

  it.each([
    ['style-src without unsafe-inline', "default-src 'self';style-src 'self'"],
    ['a hash beside unsafe-inline (browsers then ignore it)', "style-src 'self' 'unsafe-inline' 'sha256-abc='"],
    ['default-src without unsafe-inline and no style-src', "default-src 'self'"],
    ['a policy of several headers', [HELMET, "style-src 'self'"]],
  ])('keeps the link under %s', (_, policy) => {
    expect(inlineStylesheet(html, root, policy)).toBe(html)
  })

  it.each([
    ['could end the element early', '.a{content:"</style><script>alert(1)</script>"}'],
    ['names a file relative to its own path', '.a{background:url(../static/bg.png)}'],
  ])('keeps the link when the stylesheet %s', (_, text) => {
    writeFileSync(join(root, 'css', 'styles.4567cdef.css'), text)
    const other = html.replace('0123abcd.css', '4567cdef.css')
    expect(inlineStylesheet(other, root, HELMET)).toBe(other)
  })

  it('keeps the link when the file is missing', () => {
    const missing = html.replace('0123abcd.css', '89abcdef.css')
    expect(inlineStylesheet(missing, root, HELMET)).toBe(missing)
  })
})
