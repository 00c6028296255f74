// npm start: build the H5 app when it is missing or stale, then run the API on SQLite serving it.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { build, buildIsStale, root } from './lib.mjs'

if (buildIsStale('h5')) build('h5')

const env = {
  ...process.env,
  // The browser demo signs residents in with the development login; say so rather than hide it.
  AUTH_DEV_LOGIN: process.env.AUTH_DEV_LOGIN ?? '1',
  DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite:data/doorstep.db',
}
const server = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], { cwd: root, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
