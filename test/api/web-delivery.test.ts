import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, brotliCompressSync, gunzipSync } from 'node:zlib'
import { type TestApp, createTestApp } from '../support/app'
import { isHashedAsset } from '../../server/web/h5-static'
import { bumpCacheVersion } from '../../server/db/cache-version'

// Fast on a slow phone: every response compressed, hashed assets cached for good, the page itself revalidated.
describe('serving the H5 build and the API compressed', () => {
  let t: TestApp
  let dir: string
  const script = `console.log(${JSON.stringify('家门口'.repeat(400))})`
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doorstep-h5-'))
    mkdirSync(join(dir, 'js'))
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>家门口</title>${'<!-- padding -->'.repeat(100)}`)
    writeFileSync(join(dir, 'js', 'app.0123abcd.js'), script)
    // As scripts/precompress.mjs leaves it: the brotli copy beside the file.
    writeFileSync(join(dir, 'js', 'app.0123abcd.js.br'), brotliCompressSync(script))
    t = await createTestApp('sqlite', { STATIC_DIR: dir })
  })
  afterAll(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends a hashed script brotli-compressed from the build, cached for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/js/app.0123abcd.js', headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script)
  })

  it('gzips for a client without brotli, even where no .gz was written', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/js/app.0123abcd.js', headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.rawPayload).toString()).toBe(script)
  })

  it('has the page itself revalidated, also when a page path falls back to it', async () => {
    for (const url of ['/packages/facility/detail/index', '/', '/index.html']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })
      expect([url, res.statusCode, res.headers['cache-control'], res.headers['content-encoding']]).toEqual([url, 200, 'no-cache', 'br'])
    }
  })

  it('compresses API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/facilities', headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString()).facilities).toHaveLength(5)
  })

  it('keeps unhashed files revalidated: only a content hash makes a file immutable', () => {
    expect(isHashedAsset('/js/app.0123abcd.js')).toBe(true)
    expect(isHashedAsset('/css/app.0123abcd.css')).toBe(true)
    expect(isHashedAsset('/rem.js')).toBe(false)
    expect(isHashedAsset('/index.html')).toBe(false)
  })

  // The first screen draws the directory without a second round trip: the page carries GET /api/facilities' answer.
  const page = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })
    return brotliDecompressSync(res.rawPayload).toString()
  }
  const embedded = (html: string) => {
    const found = /<script type="application\/json" id="doorstep-directory">([\s\S]*?)<\/script>/.exec(html)
    return found ? JSON.parse(found[1]) : undefined
  }

  it('sends the page with the directory as the API answers it, at / and at any page path', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/facilities' })
    for (const url of ['/', '/index.html', '/packages/facility/detail/index']) {
      const html = await page(url)
      expect(html.startsWith('<!doctype html><title>家门口</title>')).toBe(true)
      expect([url, embedded(html)]).toEqual([url, api.json()])
    }
  })

  it('answers HEAD for the page as for GET (a balancer checking / sees the page, not a 404)', async () => {
    for (const url of ['/', '/index.html', '/packages/facility/detail/index']) {
      const res = await t.app.inject({ method: 'HEAD', url })
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 200, 'text/html; charset=utf-8'])
    }
  })

  it('keeps a name that reads like markup inside the data', async () => {
    const name = '红旗</script><script>alert(1)</script><!--'
    await t.app.db.kysely.updateTable('facilities').set({ name }).where('id', '=', 'yl-hongqi').execute()
    await bumpCacheVersion(t.app.db.kysely, 'facilities')
    const html = await page('/')
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(embedded(html).facilities.map((f: { name: string }) => f.name)).toContain(name)
  })
})
