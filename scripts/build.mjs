// npm run build: what production runs — the server compiled to plain Node (dist/server, no tsx at run time), the
// H5 app (dist/h5) and the WeChat package (dist/weapp).
import { join } from 'node:path'
import { build as bundle } from 'esbuild'
import { build, root } from './lib.mjs'

const entries = { main: 'server/main.ts', migrate: 'server/migrate-main.ts', admin: 'scripts/admin.ts' }
await bundle({
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
  outdir: join(root, 'dist/server'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Dependencies stay in node_modules (better-sqlite3 is native); only our own code and types/ are bundled.
  packages: 'external',
  tsconfig: join(root, 'tsconfig.json'),
  sourcemap: true,
  logLevel: 'warning',
})
console.log('▶ server compiled to dist/server (main.js, migrate.js, admin.js)')

if (!process.argv.includes('--server-only')) {
  build('h5')
  build('weapp')
}
