import { didYouMean } from '../diagnostics/index.js'
import {
  IGNORED_CSV_OPTIONS,
  isRemoteLocation,
  KNOWN_FORMATS,
  LOCAL_CSV_OPTIONS,
  LOCAL_FORMATS
} from './formats.js'
import type { PathSegment } from './node.js'
import type { Checker } from './checker.js'
import type { EngineName, SourceLocationConfig, TablesConfig } from './types.js'

/**
 * What a run on the profile's engine would fail on, found offline: a
 * format no engine knows, and for the local engine remote storage, a format
 * DuckDB does not write, or a CSV option it does not read. A value left
 * unresolved offline is not judged.
 */
export function checkForEngine(
  c: Checker,
  engine: EngineName,
  tables: TablesConfig,
  sources: Readonly<Record<string, SourceLocationConfig>>
): void {
  const local = engine === 'local'
  if (tables.layout === 'path') {
    checkFormat(c, ['tables', 'format'], tables.format, local)
    const root = ['tables', 'root']
    if (local && !c.unresolved(root) && isRemoteLocation(tables.root)) {
      c.report(
        'remote-storage-on-local-engine',
        `tables.root ${c.shown(root)} is remote storage, and engine local reads and writes local files only; use a local folder such as .dtflw/data/\${profile}, or engine: databricks`,
        root
      )
    }
  } else if (tables.format) {
    checkFormat(c, ['tables', 'format'], tables.format, false)
  }
  // Each source's own mapping, read directly: a profile may list tens of
  // thousands of sources, and a path built per question adds up.
  const written = c.node(['sources'])
  for (const name of Object.keys(sources)) {
    const source = sources[name]
    if (!('path' in source)) continue
    const entry =
      written?.kind === 'map' ? written.entries.get(name) : undefined
    const fields = entry?.kind === 'map' ? entry.entries : undefined
    const pathNode = fields?.get('path')
    if (pathNode?.kind === 'scalar' && pathNode.unresolved) continue
    const at = ['sources', name]
    checkFormat(
      c,
      fields?.has('format') ? [...at, 'format'] : [...at, 'path'],
      source.format,
      local
    )
    if (!local) continue
    if (isRemoteLocation(source.path)) {
      c.report(
        'remote-storage-on-local-engine',
        `source "${name}" is at ${c.shown([...at, 'path'])}, remote storage, and engine local reads local files only; point path at a local copy, or use engine: databricks`,
        [...at, 'path']
      )
    }
    if (source.format === 'csv') checkCsvOptions(c, name, source.options)
  }
}

/**
 * A written `format:` is judged as written; a format inferred from a
 * source's extension is reported at its path.
 */
function checkFormat(
  c: Checker,
  at: readonly PathSegment[],
  format: string,
  local: boolean
): void {
  if (!format) return
  const value = format.toLowerCase()
  const allowed = local ? LOCAL_FORMATS : KNOWN_FORMATS
  if (allowed.includes(value) || c.unresolved(at)) return
  const written = at[at.length - 1] === 'format'
  const subject = written
    ? `${dotted(at)} ${c.shown(at)}`
    : `source "${at[1]}" (${c.shown(at)}) has format ${value} by its extension, which`
  if (!KNOWN_FORMATS.includes(value)) {
    const hint = didYouMean(value, KNOWN_FORMATS)
    c.report(
      'unknown-format',
      `${subject} is not a table format;${hint || ` use one of ${KNOWN_FORMATS.join(', ')}`}`,
      at
    )
    return
  }
  c.report(
    'unsupported-format',
    `${subject} is not a format engine local reads or writes (it handles ${LOCAL_FORMATS.join(', ')}); use parquet, or engine: databricks`,
    at
  )
}

function checkCsvOptions(
  c: Checker,
  source: string,
  options: Readonly<Record<string, string>> | undefined
): void {
  if (!options) return
  for (const key of Object.keys(options)) {
    const name = key.toLowerCase()
    if (Object.hasOwn(LOCAL_CSV_OPTIONS, name)) continue
    if (IGNORED_CSV_OPTIONS.includes(name)) continue
    const known = [...Object.keys(LOCAL_CSV_OPTIONS), 'inferSchema']
    const hint = didYouMean(key, known)
    c.reportKey(
      'unknown-csv-option',
      `CSV option "${key}" of source "${source}" is not one the local engine reads;${hint || ` the options are: ${known.join(', ')}`}`,
      ['sources', source, 'options', key]
    )
  }
}

function dotted(at: readonly PathSegment[]): string {
  return at.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.')
}
