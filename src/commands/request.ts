import { UsageError } from '../diagnostics/index.js'
import type { CommandName, CommandRequest, LineageFormat } from './types.js'

/** The commands of dtflw, in the order help lists them. */
export const COMMAND_NAMES: readonly CommandName[] = [
  'validate',
  'plan',
  'explain',
  'deploy',
  'run',
  'cleanup',
  'cancel',
  'promote',
  'add',
  'widgets',
  'lineage'
]

/** The lineage formats. */
export const LINEAGE_FORMATS: readonly LineageFormat[] = [
  'markdown',
  'mermaid',
  'openlineage',
  'json'
]

const NEEDS_PROFILE = new Set<CommandName>([
  'plan',
  'explain',
  'deploy',
  'run',
  'cleanup',
  'cancel'
])

/** A preview name becomes a workspace folder: keep it to safe characters. */
const PREVIEW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

const DURATION = /^([1-9][0-9]*)(s|m|h|d)$/
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/** `7d` → milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim())
  if (!match) return undefined
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

/**
 * `--wait`: a duration, or a bare number of seconds (`--wait 30`), as
 * `timeout` and `sleep` read one. Only here: a bare `--stale 7` meaning
 * seven seconds would remove every preview.
 */
export function parseWait(text: string): number | undefined {
  const trimmed = text.trim()
  return /^[1-9][0-9]*$/.test(trimmed)
    ? Number(trimmed) * 1000
    : parseDuration(trimmed)
}

/**
 * The rules between a request's fields, checked below both entry points so
 * the CLI and the Action refuse the same requests with the same words.
 * Throws `UsageError` (exit 2).
 */
export function checkRequest(request: CommandRequest): void {
  const name = request.command
  if (NEEDS_PROFILE.has(name) && !request.profile) {
    throw new UsageError(
      `dtflw ${name} needs --profile NAME (e.g. --profile development).`
    )
  }
  if (request.deferTo && !request.changedSince) {
    throw new UsageError('--defer-to goes with --changed-since REF.')
  }
  if (request.preview !== undefined && !PREVIEW_NAME.test(request.preview)) {
    throw new UsageError(
      `--preview must be 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit (it names a workspace folder), got "${request.preview}".`
    )
  }
  if (
    request.parallelism !== undefined &&
    !(Number.isInteger(request.parallelism) && request.parallelism > 0)
  ) {
    throw new UsageError(
      `--parallelism must be a positive whole number, got "${request.parallelism}".`
    )
  }
  if (request.format && !LINEAGE_FORMATS.includes(request.format)) {
    throw new UsageError(
      `--format must be one of ${LINEAGE_FORMATS.join(', ')}, got "${request.format}".`
    )
  }
  if (request.wait !== undefined && !parseWait(request.wait)) {
    throw new UsageError(
      `--wait must be a number of seconds, or a whole number with a unit s, m, h or d (e.g. 30 or 5m), got "${request.wait}".`
    )
  }
  if (
    request.language !== undefined &&
    !['sql', 'python'].includes(request.language)
  ) {
    throw new UsageError(
      `--language must be sql or python, got "${request.language}".`
    )
  }
  if (name === 'promote' && !request.to) {
    throw new UsageError(
      'dtflw promote needs --to ENV, the environment to promote to (e.g. --to acceptance).'
    )
  }
  if (name === 'cancel' && !request.runId) {
    throw new UsageError(
      'dtflw cancel needs --run-id ID (the run id a deploy or run printed).'
    )
  }
  if (name === 'cleanup') {
    if ((request.preview === undefined) === (request.stale === undefined)) {
      throw new UsageError(
        'dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d).'
      )
    }
    if (request.stale !== undefined && !parseDuration(request.stale)) {
      throw new UsageError(
        `--stale must be a whole number with a unit s, m, h or d (e.g. 7d), got "${request.stale}".`
      )
    }
  }
}

/**
 * The command line that deploys to the same folder again (`dtflw run
 * --profile test --preview pr-7`), for messages such as how to break a
 * deploy lock.
 */
export function redeployCommand(request: CommandRequest): string {
  if (request.command === 'promote')
    return `dtflw promote --to ${request.to ?? 'ENV'}${request.sha ? ` --sha ${request.sha}` : ''}`
  const command = request.command === 'run' ? 'run' : 'deploy'
  return `dtflw ${command} --profile ${request.profile ?? 'P'}${request.preview ? ` --preview ${request.preview}` : ''}`
}
