import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

/**
 * The pipeline's name as `dtflw.yaml` writes it, read even when the
 * manifest does not validate: the comment of a run that failed to plan is
 * keyed by it, so the run that fixes the manifest updates that comment
 * instead of leaving it beside a second one. The folder's name only when
 * the file cannot be read at all.
 */
export function pipelineNameOf(
  workingDirectory: string,
  manifest: string | undefined
): string {
  let text: string
  try {
    text = readFileSync(
      path.resolve(workingDirectory, manifest ?? 'dtflw.yaml'),
      'utf8'
    )
  } catch {
    return path.basename(workingDirectory)
  }
  try {
    const name = (parse(text) as { pipeline?: unknown } | null)?.pipeline
    if (typeof name === 'string' && name.trim() !== '') return name.trim()
  } catch {
    // Not YAML as a whole: the line itself may still say it.
  }
  const line = /^pipeline:[ \t]*["']?([A-Za-z0-9][\w.-]*)["']?[ \t]*(?:#.*)?$/m
  return line.exec(text)?.[1] ?? path.basename(workingDirectory)
}
