import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import {
  errorAt,
  hasErrors,
  InvalidConfigError,
  UsageError
} from '../diagnostics/index.js'
import { pathExists, toPosixRelative } from '../io/index.js'
import { parseManifest } from './parse.js'
import type { Manifest } from './types.js'

/**
 * Reads and parses a manifest and checks that its notebooks exist. Returns
 * every problem; `manifest` is absent only when the shape is unusable.
 * `cwd` decides how paths are shown.
 */
export async function readManifest(
  file: string,
  cwd: string
): Promise<{ manifest?: Manifest; diagnostics: readonly Diagnostic[] }> {
  const absolute = path.resolve(cwd, file)
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch {
    throw new UsageError(
      `manifest ${file} not found; run dtflw in the folder of dtflw.yaml or pass --manifest PATH.`
    )
  }
  const shown = toPosixRelative(cwd, absolute)
  const { manifest, diagnostics } = parseManifest(
    text,
    shown,
    path.dirname(absolute)
  )
  if (!manifest) return { diagnostics }
  const missing: Diagnostic[] = []
  for (const step of manifest.flow) {
    if (!(await pathExists(path.join(manifest.root, step.notebook)))) {
      missing.push(
        errorAt(
          'notebook-missing',
          `notebook "${step.notebook}" of step "${step.key}" does not exist; check the path (relative to ${shown}).`,
          step.notebookLocation
        )
      )
    }
  }
  return { manifest, diagnostics: [...diagnostics, ...missing] }
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
