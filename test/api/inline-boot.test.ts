import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type TestApp, createTestApp } from '../support/app'

// The boot script is written into the page (one round trip less on a slow phone), and the Content Security Policy
// allows that script and no other inline one.
describe('the page with its boot script and stylesheet inline', () => {
  let t: TestApp
  let dir: string
  const boot = 'window.doorstepBooted=1;function f(){return 1<2}'
  const css = '.page{font-size:18px}'
  const page = (bootFile: string) =>
    `<!doctype html><html><head><script src="/js/${bootFile}"></script><script defer="defer" src="/js/app.0123abcd.js"></script><link href="/css/styles.0123abcd.css" rel="stylesheet"></head><body><div id="app"></div></body></html>`

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doorstep-boot-'))
    mkdirSync(join(dir, 'js'))
    writeFileSync(join(dir, 'js', 'boot.0123abcd.js'), boot)
    mkdirSync(join(dir, 'css'))
    writeFileSync(join(dir, 'css', 'styles.0123abcd.css'), css)
    writeFileSync(join(dir, 'index.html'), page('boot.0123abcd.js'))
    t = await createTestApp('sqlite', { STATIC_DIR: dir })
  })
  afterAll(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const hashOf = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`
  const scriptSrc = (policy: unknown) => /(?:^|;)script-src ([^;]*)/.exec(String(policy))?.[1].split(' ')

  it('writes the boot script into the page, at / and at a page path, and allows exactly it', async () => {
    for (const url of ['/', '/packages/care/infant/index']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(200)
      expect(res.body).toContain(`<head><script>${boot}</script><script defer="defer" src="/js/app.0123abcd.js">`)
      expect(res.body).not.toContain('/js/boot.0123abcd.js')
      // The stylesheet too (server/web/inline-stylesheet.ts), which helmet's policy allows inline.
      expect(res.body).toContain(`<style>${css}</style></head>`)
      expect(res.body).not.toContain('styles.0123abcd.css')
      // 'unsafe-inline' only for browsers of CSP level 1, which know no hashes; the others ignore it beside a hash.
      expect(scriptSrc(res.headers['content-security-policy'])).toEqual(["'self'", "'unsafe-inline'", hashOf(boot)])
    }
  })

  it('allows no inline script on any other answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/facilities' })
    expect(scriptSrc(res.headers['content-security-policy'])).toEqual(["'self'"])
  })

  it('leaves the script a file when its text could end the element early', async () => {
    writeFileSync(join(dir, 'js', 'boot.4567cdef.js'), 'var s="</script><script>alert(1)";')
    writeFileSync(join(dir, 'index.html'), page('boot.4567cdef.js'))
    try {
      const res = await t.app.inject({ method: 'GET', url: '/' })
      expect(res.body).toContain('<script src="/js/boot.4567cdef.js"></script>')
      expect(scriptSrc(res.headers['content-security-policy'])).toEqual(["'self'"])
    } finally {
      writeFileSync(join(dir, 'index.html'), page('boot.0123abcd.js'))
    }
  })
})
