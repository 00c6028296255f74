// What the suites need from the machine: Debian's chromium with CJK fonts, and a PostgreSQL that answers.
// Installs or starts them where it can (root on Debian); elsewhere says exactly what is missing.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { connect } from 'node:net'

const isRoot = process.getuid?.() === 0
const hasApt = existsSync('/usr/bin/apt-get')
const problems = []

function hasDebPackage(name) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a JavaScript template
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed')
}

function ensureDebPackages(packages) {
  const missing = packages.filter((p) => !hasDebPackage(p))
  if (missing.length === 0) return
  if (!isRoot || !hasApt) {
    problems.push(`missing Debian packages: ${missing.join(' ')} (install them: apt-get install ${missing.join(' ')})`)
    return
  }
  console.log(`▶ installing ${missing.join(', ')} from Debian …`)
  execSync('apt-get update -qq', { stdio: 'inherit' })
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' })
}

function portAnswers(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1500 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

async function ensurePostgres() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
  const host = url.hostname
  const port = Number(url.port || 5432)
  if (await portAnswers(host, port)) return
  if (existsSync('/etc/postgresql') && existsSync('/usr/bin/pg_ctlcluster')) {
    for (const version of readdirSync('/etc/postgresql')) {
      console.log(`▶ starting PostgreSQL ${version} …`)
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' })
    }
    for (let i = 0; i < 20 && !(await portAnswers(host, port)); i++) await new Promise((r) => setTimeout(r, 500))
    if (await portAnswers(host, port)) return
  }
  problems.push(`no PostgreSQL answers at ${host}:${port} (start one, or set TEST_DATABASE_URL)`)
}

if (process.platform === 'linux' && hasApt) ensureDebPackages(['chromium', 'fonts-wqy-zenhei'])
else if (!existsSync('/usr/bin/chromium')) problems.push('no /usr/bin/chromium (the browser suite drives Debian\'s chromium)')
await ensurePostgres()

if (problems.length) {
  console.error('\n✖ the test environment is incomplete; these suites will fail:')
  for (const p of problems) console.error(`  - ${p}`)
}
