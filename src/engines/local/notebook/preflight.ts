import path from 'node:path'
import type { Plan } from '../../../flow/index.js'
import { readNotebook } from '../../../notebooks/index.js'
import type { Notebook } from '../../../notebooks/index.js'
import type { StepError } from '../../../report/index.js'
import { checkRunnable } from './runnable.js'

/**
 * Reads every notebook of the plan once and checks the local engine can run
 * it, before anything runs: a missing notebook, a Scala or R notebook, or a
 * cell it cannot execute fails its step with the reason.
 */
export async function preflight(
  root: string,
  plan: Plan
): Promise<{
  notebooks: Map<string, Notebook>
  failures: Map<string, StepError>
}> {
  const notebooks = new Map<string, Notebook>()
  const failures = new Map<string, StepError>()
  const paths = [...new Set(plan.steps.map((s) => s.notebook))]
  const read = await Promise.all(
    paths.map(async (p) => {
      try {
        return { path: p, notebook: await readNotebook(path.join(root, p), p) }
      } catch (error) {
        return { path: p, error: (error as Error).message }
      }
    })
  )
  const byPath = new Map(read.map((r) => [r.path, r]))
  for (const step of plan.steps) {
    const entry = byPath.get(step.notebook)!
    if (entry.error !== undefined || !entry.notebook) {
      failures.set(step.key, { kind: 'engine', message: entry.error ?? '' })
      continue
    }
    const problems = checkRunnable(entry.notebook)
    if (problems.length > 0) {
      failures.set(step.key, {
        kind: 'language',
        message: problems[0].message,
        ...(problems.length > 1
          ? { detail: problems.map((p) => p.message).join('\n') }
          : {})
      })
      continue
    }
    notebooks.set(step.key, entry.notebook)
  }
  return { notebooks, failures }
}
