import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { DIST } from './simulated-app'

// The main package is what WeChat downloads before the first screen (issue #12): the tab pages and what they share.
// zod is 90 KB of JavaScript: it belongs to the subpackages (see `serverChecked` in src/api/client.ts).
const MAIN_PACKAGE_LIMIT = 350 * 1024

/** Every file of dist/weapp outside the subpackage roots of app.json (bench/run.ts measures the same). */
function mainPackageFiles(): string[] {
  const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const roots = new Set((app.subPackages ?? []).map((p) => p.root.replace(/\/$/, '')))
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name)
      if (roots.has(relative(DIST, full))) return []
      return statSync(full).isDirectory() ? walk(full) : [full]
    })
  return walk(DIST)
}

describe('the WeChat build (dist/weapp): the main package', () => {
  it(`stays within ${MAIN_PACKAGE_LIMIT / 1024} KB`, () => {
    const bytes = mainPackageFiles().reduce((sum, file) => sum + statSync(file).size, 0)
    expect(bytes).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT)
  })

  it('carries no zod', () => {
    const withZod = mainPackageFiles()
      .filter((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('ZodError'))
      .map((file) => relative(DIST, file))
    expect(withZod).toEqual([])
  })
})
