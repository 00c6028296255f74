// npm test: prepare the machine, build both packages, run every jest project, end with "N passed, N failed".
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build, buildIsStale, root, run } from './lib.mjs'

run(process.execPath, [join(root, 'scripts/prepare-test-env.mjs')])

// The browser suite opens dist/h5 and the WeChat suite dist/weapp: both must be this commit's.
for (const platform of ['h5', 'weapp']) if (buildIsStale(platform)) build(platform)

mkdirSync(join(root, 'test-results'), { recursive: true })
const resultsFile = join(root, 'test-results/jest.json')
const status = run(join(root, 'node_modules/.bin/jest'), [
  '--ci',
  '--json',
  `--outputFile=${resultsFile}`,
  ...process.argv.slice(2),
])

let summary = '0 passed, 1 failed'
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'))
  // A suite that failed to load has no test results of its own: count it as a failure.
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
  summary = `${results.numPassedTests} passed, ${failed} failed`
} catch {
  // jest did not write results: the run itself failed.
}
console.log(`\n${summary}`)
process.exit(status)
