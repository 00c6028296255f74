// Helpers shared by scripts/start.mjs and scripts/test.mjs (plain Node, no build step needed).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const root = new URL('..', import.meta.url).pathname

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  return result.status ?? 1
}

function newestMtime(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

/** True when `dist/<platform>` is missing or older than any source it is built from. */
export function buildIsStale(platform) {
  const marker = join(root, 'dist', platform, platform === 'h5' ? 'index.html' : 'app.json')
  if (!existsSync(marker)) return true
  const built = statSync(marker).mtimeMs
  const sources = ['src', 'types', 'config', 'babel.config.js', 'package.json'].map((p) => join(root, p))
  return sources.some((p) => existsSync(p) && newestMtime(p) > built)
}

export function build(platform) {
  console.log(`\n▶ building the ${platform} package (taro build --type ${platform}) …`)
  const status = run(join(root, 'node_modules/.bin/taro'), ['build', '--type', platform], {
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (status !== 0) throw new Error(`taro build --type ${platform} failed`)
  if (platform === 'h5' && run(process.execPath, [join(root, 'scripts/precompress.mjs'), join(root, 'dist/h5')]) !== 0) {
    throw new Error('precompressing dist/h5 failed')
  }
}
