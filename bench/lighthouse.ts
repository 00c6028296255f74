// Lighthouse 12.2.3 (mobile preset: a Moto G Power on slow 4G, simulated throttling) on the H5 build as the API
// serves it — compressed and cached as in production — in Debian's chromium, with the flags of the browser suite.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'

export interface LighthouseRow {
  page: string
  runs: number
  /** Medians over the runs. */
  score: number
  lcpMs: number
  fcpMs: number
  tbtMs: number
  cls: number
  /** Bytes over the wire for the page's scripts (compressed). */
  scriptBytes: number
  /** Each run's score, or 'failed'. */
  scores: string[]
}

export const LIGHTHOUSE_PAGES: { page: string; path: string }[] = [
  { page: '首页（服务）', path: '/' },
  { page: '设施详情', path: '/#/packages/facility/detail/index?id=yl-hongqi' },
  { page: '订餐', path: '/#/packages/meal/order/index?facilityId=yl-hongqi' },
  { page: '预约托育', path: '/#/packages/care/infant/index?facilityId=yl-hangkong-erlu' },
]

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

async function startTarget(): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/h5-target.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  for await (const line of lines) {
    if (line.startsWith('{')) return { base: JSON.parse(line).base, child }
  }
  throw new Error('the H5 target exited before serving')
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : Number.NaN)

export async function lighthouseBench(runs = 3): Promise<LighthouseRow[]> {
  if (!existsSync('dist/h5/index.html')) throw new Error('dist/h5 is missing: run npm run build:h5')
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const { base, child } = await startTarget()
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS })
  const rows: LighthouseRow[] = []
  try {
    for (const { page, path } of LIGHTHOUSE_PAGES) {
      const results: { score: number; lcp: number; fcp: number; tbt: number; cls: number; js: number }[] = []
      let failed = 0
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${base}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        })
        const lhr = result?.lhr
        if (!lhr) throw new Error(`lighthouse gave no result for ${path}`)
        // A run Lighthouse could not finish (a timeout on a loaded machine) is listed as failed, not averaged in.
        if (lhr.runtimeError || lhr.categories.performance.score === null) {
          failed++
          continue
        }
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
        const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] })?.items ?? []
        results.push({
          score: Math.round((lhr.categories.performance.score ?? 0) * 100),
          lcp: audit('largest-contentful-paint'),
          fcp: audit('first-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          js: items.find((r) => r.resourceType === 'script')?.transferSize ?? 0,
        })
      }
      rows.push({
        page,
        runs,
        score: median(results.map((r) => r.score)),
        lcpMs: median(results.map((r) => r.lcp)),
        fcpMs: median(results.map((r) => r.fcp)),
        tbtMs: median(results.map((r) => r.tbt)),
        cls: median(results.map((r) => r.cls)),
        scriptBytes: median(results.map((r) => r.js)),
        scores: [...results.map((r) => String(r.score)), ...Array.from({ length: failed }, () => 'failed')],
      })
    }
  } finally {
    await chrome.kill()
    child.kill('SIGTERM')
  }
  return rows
}
