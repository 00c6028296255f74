import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** How the build names the boot script in index.html (config/route-preloads.ts). */
const BOOT_TAG = /<script src="\/(js\/boot\.[0-9a-f]{8}\.js)"><\/script>/

/**
 * The boot script written into the page instead of named by it. It preloads the page's code and asks for its first
 * answers (src/static/boot.js), and as a file of its own it could do neither until one more round trip had
 * brought it: on a slow phone 150 ms and more before the page's own code was even asked for.
 *
 * `policy` is the Content Security Policy the reply carries (helmet's): the answer's policy allows this one inline
 * script by its hash. A policy that is not one plain header leaves the script a file, as does a script whose text
 * could end the element early.
 */
export function inlineBootScript(html: string, root: string, policy: unknown): { html: string; policy: unknown } {
  const tag = BOOT_TAG.exec(html)
  if (!tag || (policy !== undefined && typeof policy !== 'string')) return { html, policy }
  let source: string
  try {
    source = readFileSync(join(root, tag[1]), 'utf8')
  } catch {
    return { html, policy }
  }
  if (/<\/script/i.test(source)) return { html, policy }
  const hash = `'sha256-${createHash('sha256').update(source).digest('base64')}'`
  return { html: html.replace(tag[0], () => `<script>${source}</script>`), policy: policy === undefined ? undefined : withScript(policy, hash) }
}

/**
 * The policy with this one inline script allowed. 'unsafe-inline' beside the hash is for browsers of CSP level 1
 * (iOS 8–9, Android 4.4's WebView), which know no hashes and would refuse the script; every browser that knows
 * hashes ignores 'unsafe-inline' where a hash is listed.
 */
function withScript(policy: string, hash: string): string {
  const allowed = `'unsafe-inline' ${hash}`
  return /(^|;)\s*script-src /.test(policy)
    ? policy.replace(/((?:^|;)\s*script-src [^;]*)/, `$1 ${allowed}`)
    : `${policy};script-src 'self' ${allowed}`
}
