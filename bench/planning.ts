import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { planInProcess } from './in-process.js'
import {
  generateManifest,
  writeChainRepo,
  writeSourcesRepo,
  writeStepsRepo,
  type SyntheticRepo
} from './synthetic-repo.js'
import { coldMs, dtflwBin as dtflw } from './cold.js'
import type { BenchResult } from './types.js'
import { timeBest } from './types.js'

const scalingChild = fileURLToPath(
  new URL('./scaling-child.js', import.meta.url)
)

const ratio = (a: number, b: number) => Number((a / b).toFixed(2))

async function withRepos<T>(
  make: () => Promise<SyntheticRepo>[],
  use: (repos: SyntheticRepo[]) => Promise<T>
): Promise<T> {
  const repos = await Promise.all(make())
  try {
    return await use(repos)
  } finally {
    await Promise.all(repos.map((r) => r.remove()))
  }
}

/** Parse and plan in process: 5,000 steps, and growth to 20,000. */
async function inProcessPlanning(): Promise<BenchResult[]> {
  return withRepos(
    () => [writeStepsRepo(1)],
    async ([repo]) => {
      const texts = [500, 5000, 20000].map(generateManifest)
      await planInProcess(texts[0], repo.dir) // warm up the JIT
      const [t500, t5k, t20k] = [
        await timeBest(5, () => planInProcess(texts[0], repo.dir)),
        await timeBest(3, () => planInProcess(texts[1], repo.dir)),
        await timeBest(3, () => planInProcess(texts[2], repo.dir))
      ]
      return [
        {
          name: 'parse + build + plan in process, 5,000 steps / 10,000 tables',
          figures: {
            'ms at 500 (best of 5)': Math.round(t500),
            'ms at 5,000 (best of 3)': Math.round(t5k),
            'ms at 20,000 (best of 3)': Math.round(t20k),
            'ratio 5,000 / 500 (10x the steps)': ratio(t5k, t500),
            'ratio 20,000 / 5,000 (4x the steps)': ratio(t20k, t5k)
          },
          target:
            '5,000 under 1,000 ms; 20,000 no worse than linear (ratio <= 4, with 25% for noise: <= 5)',
          passed: t5k < 1000 && t20k / t5k <= 5
        }
      ]
    }
  )
}

/** `dtflw validate` and `plan` of 5,000 and 20,000 steps, fresh processes. */
async function coldCommands(): Promise<BenchResult[]> {
  return withRepos(
    () => [writeStepsRepo(5000), writeStepsRepo(20000)],
    async ([small, large]) => {
      const node = coldMs(['-e', '0'], { cwd: small.dir, samples: 5 })
      const results: BenchResult[] = []
      for (const args of [['validate'], ['plan', '--profile', 'development']]) {
        const t5k = coldMs([dtflw, ...args], { cwd: small.dir, samples: 5 })
        const t20k = coldMs([dtflw, ...args], { cwd: large.dir, samples: 3 })
        results.push({
          name: `dtflw ${args[0]}, cold process (median), 5,000 and 20,000 steps`,
          figures: {
            'node -e 0 ms': Math.round(node),
            'ms at 5,000': Math.round(t5k),
            'ms at 20,000': Math.round(t20k),
            'ratio 20,000 / 5,000': ratio(t20k, t5k)
          },
          target: '5,000 under 1,000 ms; 20,000 under 4x the 5,000-step time',
          passed: t5k < 1000 && t20k < 4 * t5k
        })
      }
      return results
    }
  )
}

/**
 * Validation must grow with the input, not with its square: 20,000
 * sources against 2,000, and an `extends` chain of 300 profiles against 30
 * (every profile of the chain is validated).
 */
async function validateScaling(): Promise<BenchResult[]> {
  const cases: [string, (n: number) => Promise<SyntheticRepo>, number][] = [
    ['sources', writeSourcesRepo, 2000],
    ['profiles in one extends chain', writeChainRepo, 30]
  ]
  const results: BenchResult[] = []
  for (const [what, write, n] of cases) {
    results.push(
      await withRepos(
        () => [write(n), write(n * 10)],
        async ([small, large]) => {
          // In a process of its own: what the bench ran before (plans of
          // 20,000 steps) would otherwise sit in the heap the collector
          // walks, and count against the larger size.
          const { small: tSmall, large: tLarge } = JSON.parse(
            execFileSync(
              process.execPath,
              [scalingChild, small.dir, large.dir],
              { encoding: 'utf8' }
            )
          ) as { small: number; large: number }
          const cold = coldMs([dtflw, 'validate'], {
            cwd: large.dir,
            samples: 3
          })
          return {
            name: `validate, ${n.toLocaleString('en-US')} vs ${(n * 10).toLocaleString('en-US')} ${what}`,
            figures: {
              [`in-process ms at ${n} (median of 15)`]: Number(
                tSmall.toFixed(1)
              ),
              [`in-process ms at ${n * 10} (median of 7)`]: Number(
                tLarge.toFixed(1)
              ),
              'ratio (10x the input)': ratio(tLarge, tSmall),
              [`dtflw validate ms at ${n * 10} (cold, median)`]:
                Math.round(cold)
            },
            target:
              'ratio no worse than linear (<= 10, with 25% for noise: <= 12.5)',
            passed: tLarge / tSmall <= 12.5
          }
        }
      )
    )
  }
  return results
}

/** Planning and validation: in process, from the command line, and how they scale. */
export async function benchPlanning(): Promise<BenchResult[]> {
  return [
    ...(await inProcessPlanning()),
    ...(await coldCommands()),
    ...(await validateScaling())
  ]
}
