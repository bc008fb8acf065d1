import { benchDatabricks } from './databricks.js'
import { benchDataDiff } from './data-diff.js'
import { benchLineage } from './lineage.js'
import { benchLocalEngine } from './local-engine.js'
import { benchPlanning } from './planning.js'
import { benchScaffold } from './scaffold.js'
import { benchAction, benchStartup } from './startup.js'
import type { BenchResult } from './types.js'

// `npm run bench`: every figure is a ratio against a baseline measured in
// the same run, or an absolute time with the target it is held to.
const suites: [string, (parts: string[]) => Promise<BenchResult[]>][] = [
  ['start-up', benchStartup],
  ['action', benchAction],
  ['databricks', benchDatabricks],
  ['planning', benchPlanning],
  ['lineage', benchLineage],
  ['local engine', benchLocalEngine],
  ['data diff', benchDataDiff],
  ['scaffolding', benchScaffold]
]
// `npm run bench -- 'local engine' 5M trivial`: words that name a suite
// choose suites; the others choose parts of a suite that has several.
const args = process.argv.slice(2)
const only = args.filter((a) => suites.some(([suite]) => suite.includes(a)))
const parts = args.filter((a) => !only.includes(a))
let failed = 0
for (const [suite, run] of suites) {
  if (only.length > 0 && !only.some((o) => suite.includes(o))) continue
  console.log(`\n## ${suite}`)
  for (const result of await run(parts)) {
    const verdict =
      result.passed === undefined
        ? ''
        : result.passed
          ? '  [met]'
          : '  [MISSED]'
    if (result.passed === false) failed++
    console.log(`- ${result.name}${verdict}`)
    for (const [k, v] of Object.entries(result.figures))
      console.log(`    ${k}: ${v}`)
    if (result.target) console.log(`    target: ${result.target}`)
  }
}
console.log(
  `\n${failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`}`
)
