import path from 'node:path'
import type { Plan } from '../../flow/index.js'
import {
  findRunTargets,
  hasExit,
  parseNotebook
} from '../../notebooks/index.js'
import { findIncluded, type SourceReader } from './deploy-files.js'

/**
 * The notebooks of a plan that can end with a value: those that call
 * `dbutils.notebook.exit`, themselves or in a notebook they include with
 * `%run` (included code runs in the caller, so its exit ends the caller).
 * Only their tasks are worth a `runs/get-output` when they succeed. A
 * notebook that cannot be read is counted in: its output is fetched.
 */
export async function findExitingNotebooks(
  plan: Plan,
  source: SourceReader
): Promise<Set<string>> {
  const memo = new Map<string, Promise<boolean>>()
  const exits = (
    repoPath: string,
    seen: ReadonlySet<string>
  ): Promise<boolean> => {
    let known = memo.get(repoPath)
    if (!known) {
      known = (async () => {
        const bytes = await source.read(repoPath)
        if (bytes === undefined) return true
        const notebook = parseNotebook(bytes.toString('utf8'), repoPath)
        if (hasExit(notebook)) return true
        for (const target of findRunTargets(notebook)) {
          if (!target.resolved || target.resolved.startsWith('..')) continue
          const included = await findIncluded(target.resolved, source)
          if (!included || seen.has(included)) continue
          if (await exits(included, new Set([...seen, included]))) return true
        }
        return false
      })()
      memo.set(repoPath, known)
    }
    return known
  }
  const notebooks = [
    ...new Set(plan.steps.map((s) => s.notebook.split(path.sep).join('/')))
  ]
  const found = new Set<string>()
  await Promise.all(
    notebooks.map(async (notebook) => {
      if (await exits(notebook, new Set([notebook]))) found.add(notebook)
    })
  )
  return found
}
