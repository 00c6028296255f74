// npm test: prepare the machine, build both packages, run every jest project, then run the time-sensitive
// projects again at fixed instants of the clock; end with "N passed, N failed" over all the runs.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build, buildIsStale, root, run } from './lib.mjs'
import { CLOCK_INSTANTS } from './clock-instants.mjs'

run(process.execPath, [join(root, 'scripts/prepare-test-env.mjs')])

const args = process.argv.slice(2)
// The code's own gates first, on a whole run (a developer's run of one file skips them): strict types, and Biome's
// linter with zero findings.
const gates = args.length === 0 ? ['typecheck', 'lint'].map((script) => ({ script, status: run('npm', ['run', '--silent', script]) })) : []
for (const { script, status } of gates) if (status !== 0) console.log(`\n✗ npm run ${script} failed`)

// The browser suite opens dist/h5 and the WeChat suite dist/weapp: both must be this commit's. A build that fails is
// a failed gate, reported on the totals line like the others, and the suites that need it do not run on a stale copy.
const builds = ['h5', 'weapp'].filter(buildIsStale).map((platform) => {
  try {
    build(platform)
    return { script: `build:${platform}`, status: 0 }
  } catch (error) {
    console.log(`\n✗ ${error.message}`)
    return { script: `build:${platform}`, status: 1 }
  }
})
gates.push(...builds)
const brokenBuild = builds.some((b) => b.status !== 0)

mkdirSync(join(root, 'test-results'), { recursive: true })
const jest = join(root, 'node_modules/.bin/jest')

/** One jest run; its totals, counting a suite that failed to load as a failure. */
function jestRun(name, jestArgs, env = {}) {
  const resultsFile = join(root, `test-results/jest-${name}.json`)
  const status = run(jest, ['--ci', '--json', `--outputFile=${resultsFile}`, ...jestArgs], { env: { ...process.env, ...env } })
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'))
    return { status, passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites }
  } catch {
    // jest did not write results: the run itself failed.
    return { status: status || 1, passed: 0, failed: 1 }
  }
}

const runs = [jestRun('all', brokenBuild && args.length === 0 ? [...args, '--selectProjects', 'unit', 'domain', 'api', 'ui'] : args)]
// With arguments (one project, one file) the run is a developer's: the clock runs are for the whole suite.
if (args.length === 0 && process.env.DOORSTEP_CLOCK_RUNS !== '0') {
  for (const { name, instant } of CLOCK_INSTANTS) {
    console.log(`\n▶ the time-sensitive suites at ${instant} (${name}) …`)
    // The fuzz suite reads no clock and is the slowest, the production start reads none either: once is enough.
    runs.push(
      jestRun(`at-${name}`, ['--selectProjects', 'unit', 'domain', 'api', '--testPathIgnorePatterns', 'route-fuzz|production-start'], {
        DOORSTEP_TEST_NOW: instant,
      }),
    )
  }
}

const passed = runs.reduce((sum, r) => sum + r.passed, 0)
const failed = runs.reduce((sum, r) => sum + r.failed, 0)
const gatesFailed = gates.filter((g) => g.status !== 0).map((g) => g.script)
console.log(`\n${passed} passed, ${failed} failed${gatesFailed.length ? ` · gates failed: ${gatesFailed.join(', ')}` : ''}`)
process.exit(runs.some((r) => r.status !== 0) || gatesFailed.length ? 1 : 0)
