import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** How the build links the app's one stylesheet from index.html (config/index.ts: the `styles` chunk). */
const STYLESHEET_TAG = /<link href="\/(css\/styles\.[0-9a-f]{8}\.css)" rel="stylesheet">/

/**
 * The app's stylesheet written into the page instead of linked from it. A deep page opened from its address asked
 * for eight files before it could draw (the stylesheet, Taro, the app, the shared chunks, the page's code, its first
 * answer), and on HTTP/1.1's six connections per host the last of them waited for a free one: one round trip more on
 * a slow phone. The stylesheet is about 4 KB compressed and has no url() to resolve against its own path; the page is
 * revalidated on each visit, so a returning resident downloads those 4 KB again instead of a 304 — cheaper than the
 * round trip.
 *
 * Only where the reply's Content Security Policy already allows inline styles (helmet's default does: Taro's
 * components set style attributes): a policy that does not keeps the link.
 */
export function inlineStylesheet(html: string, root: string, policy: unknown): string {
  const tag = STYLESHEET_TAG.exec(html)
  if (!tag || !allowsInlineStyles(policy)) return html
  let css: string
  try {
    css = readFileSync(join(root, tag[1]), 'utf8')
  } catch {
    return html
  }
  if (/<\/style/i.test(css) || /url\(/i.test(css)) return html
  return html.replace(tag[0], () => `<style>${css}</style>`)
}

/** style-src (else default-src) lists 'unsafe-inline' and no hash or nonce (which would make browsers ignore it). */
function allowsInlineStyles(policy: unknown): boolean {
  if (policy === undefined) return true
  if (typeof policy !== 'string') return false
  const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name} ([^;]*)`).exec(policy)?.[1]
  const sources = (directive('style-src') ?? directive('default-src'))?.split(/\s+/)
  if (!sources) return true
  return sources.includes("'unsafe-inline'") && !sources.some((s) => /^'(sha256|sha384|sha512|nonce)-/.test(s))
}
