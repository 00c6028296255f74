import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** How the build names the boot script in index.html (config/route-preloads.ts). */
const BOOT_TAG = /<script src="\/(js\/boot\.[0-9a-f]{8}\.js)"><\/script>/

/**
 * The boot script written into the page instead of named by it. It preloads the page's code and asks for its first
 * answers (src/static/boot.js), and as a file of its own it could do neither until one more round trip had
 * brought it: on a slow phone 150 ms and more before the page's own code was even asked for. The Content Security
 * Policy still allows no inline script but this one, by its hash (`cspWithScript`).
 */
export function inlineBootScript(html: string, root: string): { html: string; scriptHash: string | null } {
  const tag = BOOT_TAG.exec(html)
  if (!tag) return { html, scriptHash: null }
  let source: string
  try {
    source = readFileSync(join(root, tag[1]), 'utf8')
  } catch {
    return { html, scriptHash: null }
  }
  // Nothing in the script may end the element early.
  if (/<\/script/i.test(source)) return { html, scriptHash: null }
  const scriptHash = `'sha256-${createHash('sha256').update(source).digest('base64')}'`
  return { html: html.replace(tag[0], () => `<script>${source}</script>`), scriptHash }
}

/** The policy helmet set for every reply, with this one inline script allowed by its hash. */
export function cspWithScript(policy: string, scriptHash: string): string {
  return /(^|;)\s*script-src /.test(policy)
    ? policy.replace(/((?:^|;)\s*script-src [^;]*)/, `$1 ${scriptHash}`)
    : `${policy};script-src 'self' ${scriptHash}`
}
