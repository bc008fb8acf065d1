import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import {
  errorAt,
  escapeText,
  hasErrors,
  InvalidConfigError,
  suggest,
  UsageError
} from '../diagnostics/index.js'
import {
  checkRegularFileInside,
  readTextFile,
  toPosixRelative,
  UnreadableFileError,
  type FileProblem
} from '../io/index.js'
import { hasControlCharacter, parseManifest } from './parse.js'
import type { Manifest, StepSpec } from './types.js'

/**
 * Reads and parses a manifest and checks that each step's notebook is a
 * regular file inside the repository. Returns every problem; `manifest` is
 * absent only when the shape is unusable. `cwd` decides how paths are
 * shown.
 */
export async function readManifest(
  file: string,
  cwd: string
): Promise<{ manifest?: Manifest; diagnostics: readonly Diagnostic[] }> {
  const absolute = path.resolve(cwd, file)
  const shown = toPosixRelative(cwd, absolute)
  let text: string
  try {
    text = await readTextFile(absolute, shown)
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    if (error.problem.code === 'missing') {
      throw new UsageError(
        `manifest ${file} not found; run dtflw in the folder of dtflw.yaml or pass --manifest PATH.`
      )
    }
    // A bad byte is a problem of the manifest, shown where it is.
    if (error.problem.code === 'invalid-utf8') {
      return { diagnostics: error.diagnostics }
    }
    throw new UsageError(
      `manifest ${file} ${error.problem.reason}; pass --manifest with the path of dtflw.yaml.`
    )
  }
  const { manifest, diagnostics } = parseManifest(
    text,
    shown,
    path.dirname(absolute)
  )
  if (!manifest) return { diagnostics }
  const notebooks = checkNotebookFiles(manifest, shown)
  return { manifest, diagnostics: [...diagnostics, ...notebooks] }
}

/**
 * Each step's notebook must be a regular file inside the repository: not
 * missing, not a folder, not a named pipe (reading one would hang), not a
 * link to a file elsewhere. Nothing is opened here. A notebook used by
 * several steps is checked once and reported at each step.
 */
function checkNotebookFiles(manifest: Manifest, shown: string): Diagnostic[] {
  const byPath = new Map<string, FileProblem | undefined>()
  const out: Diagnostic[] = []
  for (const step of manifest.flow) {
    // A path with a control character was refused as it is written.
    if (hasControlCharacter(step.notebook)) continue
    if (!byPath.has(step.notebook)) {
      const file = path.join(manifest.root, step.notebook)
      byPath.set(step.notebook, checkRegularFileInside(manifest.root, file))
    }
    const problem = byPath.get(step.notebook)
    if (problem) out.push(notebookProblem(step, problem, shown, manifest.root))
  }
  return out
}

function notebookProblem(
  step: StepSpec,
  problem: FileProblem,
  shown: string,
  root: string
): Diagnostic {
  if (problem.code === 'missing') {
    const near = nearbyFile(root, step.notebook)
    return errorAt(
      'notebook-missing',
      `notebook "${escapeText(step.notebook)}" of step "${escapeText(step.key)}" ${problem.reason}; ${near ? `did you mean "${escapeText(near)}"?` : `check the path (relative to ${shown}).`}`,
      step.notebookLocation
    )
  }
  return errorAt(
    problem.code === 'outside'
      ? 'notebook-outside-repo'
      : 'notebook-not-a-file',
    `notebook "${escapeText(step.notebook)}" of step "${escapeText(step.key)}" ${problem.reason}.`,
    step.notebookLocation
  )
}

/**
 * The file beside a missing notebook whose name is closest to the one
 * written (`daily_revenu.sql` → `daily_revenue.sql`), as a path in the
 * manifest's terms; undefined when nothing is close or the folder is gone.
 */
function nearbyFile(root: string, notebook: string): string | undefined {
  const folder = path.posix.dirname(notebook)
  let names: string[]
  try {
    names = readdirSync(path.join(root, folder))
  } catch {
    return undefined
  }
  const near = suggest(path.posix.basename(notebook), names)
  return near === undefined
    ? undefined
    : folder === '.'
      ? near
      : `${folder}/${near}`
}

/** Like `readManifest`, but throws `InvalidConfigError` on any error. */
export async function loadManifest(
  file: string,
  cwd: string
): Promise<{ manifest: Manifest; warnings: readonly Diagnostic[] }> {
  const { manifest, diagnostics } = await readManifest(file, cwd)
  if (!manifest || hasErrors(diagnostics)) {
    throw new InvalidConfigError(diagnostics)
  }
  return { manifest, warnings: diagnostics }
}
