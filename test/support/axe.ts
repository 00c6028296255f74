import type { Page } from 'playwright-core'

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
export interface Found {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** axe-core (the npm package, injected) on the page as it is now: its violations. */
export async function runAxe(page: Page): Promise<Found[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Found[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  }, AXE_TAGS)
}

/** What no screen may have: axe's critical and serious violations, one line each. */
export const blockingOf = (violations: Found[]) =>
  violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)
