import type { Diagnostic } from '../diagnostics/index.js'
import { createChecker, type Checker } from './checker.js'
import { checkClusterSpec } from './cluster-spec.js'
import { checkForEngine } from './engine-checks.js'
import { inferFormat } from './formats.js'
import { byPath, collectLeaves, deepFreeze, secretsIn } from './leaves.js'
import type { MapNode } from './node.js'
import { locationAt, parsePath, toPlain } from './node.js'
import {
  createExpander,
  type ExpanderScope,
  type VariableValue
} from './template.js'
import type {
  EngineName,
  ResolvedProfile,
  SourceLocationConfig,
  TablesConfig
} from './types.js'

/** What `buildResolvedProfile` works from: a merged, interpolated tree. */
export interface ResolvedTree {
  readonly name: string
  /** Profile files in merge order, parents first. */
  readonly files: readonly string[]
  readonly tree: MapNode
  /** `tree` as plain data (`toPlain`), which the profile keeps as `values`. */
  readonly values: Record<string, unknown>
  /** What step arguments' `${…}` see: the context this tree was filled with. */
  readonly scope: ExpanderScope
  /** Secret strings of the environment (`environmentSecrets`), used or not. */
  readonly environmentSecrets?: readonly string[]
}

/**
 * Builds the typed profile from a tree the schema already checked: applies
 * defaults (engine local, layout path, format parquet, a source's format
 * from its extension) and the rules a single-file schema cannot state,
 * each reported at the YAML that broke it. `profile` is only set when
 * there are no errors.
 */
export function buildResolvedProfile(input: ResolvedTree): {
  profile?: ResolvedProfile
  diagnostics: Diagnostic[]
} {
  const c = createChecker(input)
  if (!c.has(['engine'])) c.byDefault(['engine'], 'local')
  const engine = (c.text(['engine']) ?? 'local') as EngineName
  const variables = buildVariables(c)
  const tables = buildTables(c)
  const sources = buildSources(c)
  checkCompute(c)
  checkForEngine(c, engine, tables, sources)
  if (c.diagnostics.length > 0) return { diagnostics: c.diagnostics }

  const { tree } = input
  const leaves = [...collectLeaves(tree), ...c.defaults].sort(byPath)
  const secretValues = longestFirst([
    ...secretsIn(tree),
    ...(input.environmentSecrets ?? [])
  ])
  const expand = createExpander(input.scope, variableValues(tree))
  const profile: ResolvedProfile = {
    name: input.name,
    files: [...input.files],
    engine,
    variables,
    tables,
    sources,
    values: input.values,
    leaves: leaves.map((leaf) => deepFreeze(leaf)),
    secretValues,
    expand,
    locate(path: string) {
      const segments = parsePath(path)
      return segments && segments.length > 0
        ? locationAt(tree, segments)
        : undefined
    }
  }
  return { profile: deepFreeze(profile), diagnostics: [] }
}

/** Each string once, longest first (then in code-point order). */
function longestFirst(values: readonly string[]): string[] {
  return [...new Set(values)].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1)
  )
}

/** The resolved variables as template values, for step arguments. */
function variableValues(tree: MapNode): ReadonlyMap<string, VariableValue> {
  const out = new Map<string, VariableValue>()
  const node = tree.entries.get('variables')
  if (node?.kind !== 'map') return out
  for (const [name, value] of node.entries) {
    if (value.kind !== 'scalar' || value.value === null) continue
    out.set(name, {
      text: String(value.value),
      env: value.env ?? [],
      secret: value.secret === true,
      secrets: value.secrets ?? [],
      unresolved: value.unresolved === true
    })
  }
  return out
}

/** A record without a prototype: user names (`toString`) are plain keys. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

function buildVariables(c: Checker): Record<string, string> {
  const variables = record<string>()
  const node = c.node(['variables'])
  if (node?.kind !== 'map') return variables
  for (const [key, value] of node.entries) {
    // Maps and lists were reported by the schema.
    if (value.kind === 'scalar' && value.value !== null) {
      variables[key] = String(value.value)
    }
  }
  return variables
}

function buildTables(c: Checker): TablesConfig {
  const fallback: TablesConfig = { layout: 'path', root: '', format: 'parquet' }
  if (!c.has(['tables'])) {
    c.report(
      'missing-tables',
      `profile "${c.profile}" has no tables section; add tables: { layout: path, root: … } or tables: { layout: catalog, catalog: …, schema: … }`,
      []
    )
    return fallback
  }
  if (
    c.node(['tables'])?.kind !== 'map' ||
    c.unresolved(['tables', 'layout'])
  ) {
    return fallback
  }
  const layout = c.text(['tables', 'layout']) ?? 'path'
  if (!c.has(['tables', 'layout'])) c.byDefault(['tables', 'layout'], 'path')
  if (layout === 'path' && !c.has(['tables', 'format'])) {
    c.byDefault(['tables', 'format'], 'parquet')
  }
  const own = layout === 'catalog' ? ['catalog', 'schema'] : ['root']
  const other = layout === 'catalog' ? ['root'] : ['catalog', 'schema']
  const otherLayout = layout === 'catalog' ? 'path' : 'catalog'
  for (const key of own) {
    if (!c.has(['tables', key])) {
      c.report(
        'missing-table-setting',
        `profile "${c.profile}": tables.${key} is required with layout: ${layout}; add ${key}: …`,
        ['tables']
      )
    }
  }
  for (const key of other) {
    if (c.has(['tables', key])) {
      c.reportKey(
        'table-setting-for-other-layout',
        `tables.${key} belongs to layout: ${otherLayout}, and this profile uses layout: ${layout}; remove ${key} or change layout`,
        ['tables', key]
      )
    }
  }
  const format = c.text(['tables', 'format'])
  return layout === 'catalog'
    ? {
        layout,
        catalog: c.text(['tables', 'catalog']) ?? '',
        schema: c.text(['tables', 'schema']) ?? '',
        ...(format ? { format } : {})
      }
    : {
        layout: 'path',
        root: c.text(['tables', 'root']) ?? '',
        format: format ?? 'parquet'
      }
}

function buildSources(c: Checker): Record<string, SourceLocationConfig> {
  const sources = record<SourceLocationConfig>()
  const node = c.node(['sources'])
  if (node?.kind !== 'map') return sources
  for (const [name, entry] of node.entries) {
    if (entry.kind !== 'map') continue
    const built = buildSource(c, name, entry)
    if (built) sources[name] = built
  }
  return sources
}

/** A scalar of a source's mapping as text; undefined for null, maps and lists. */
function textIn(entry: MapNode, key: string): string | undefined {
  const node = entry.entries.get(key)
  return node?.kind === 'scalar' && node.value !== null
    ? String(node.value)
    : undefined
}

/**
 * One source, read from its own mapping `entry` (`c` reports and records
 * defaults): a profile may list tens of thousands of sources, so nothing
 * here walks the tree from its root again.
 */
function buildSource(
  c: Checker,
  source: string,
  entry: MapNode
): SourceLocationConfig | undefined {
  const at = ['sources', source]
  const hasPath = entry.entries.has('path')
  const hasTable = entry.entries.has('table')
  if (hasPath && hasTable) {
    c.report(
      'source-path-and-table',
      `source "${source}" sets both path and table; keep path for a file or table for a catalog table`,
      at
    )
    return undefined
  }
  if (!hasPath && !hasTable) {
    c.report(
      'source-without-location',
      `profile "${c.profile}": source "${source}" needs path (a file) or table (a catalog table)`,
      at
    )
    return undefined
  }
  if (hasTable) {
    for (const key of ['format', 'options']) {
      if (entry.entries.has(key)) {
        c.reportKey(
          'source-option-for-table',
          `source "${source}" is a table; ${key} applies to path sources only, remove it`,
          [...at, key]
        )
      }
    }
    return { table: textIn(entry, 'table') ?? '' }
  }
  const path = textIn(entry, 'path') ?? ''
  const format = textIn(entry, 'format') ?? inferFormat(path)
  if (format && !entry.entries.has('format')) {
    // `search`, not `exec`: the index alone, no match array per source.
    const dot = path.search(/(\.[^./]+)+$/)
    const ext = dot === -1 ? '' : path.slice(dot)
    c.byDefault([...at, 'format'], format, `inferred from ${ext}`)
  }
  const pathNode = entry.entries.get('path')
  if (!format && !(pathNode?.kind === 'scalar' && pathNode.unresolved)) {
    c.report(
      'unknown-source-format',
      `cannot tell the format of source "${source}" from ${c.shown([...at, 'path'])}; add format: csv, parquet or json`,
      [...at, 'path']
    )
  }
  const options = entry.entries.get('options')
  if (options?.kind !== 'map') return { path, format: format ?? '' }
  const given = record<string>()
  for (const [key, value] of options.entries)
    given[key] = String(toPlain(value))
  return { path, format: format ?? '', options: given }
}

function checkCompute(c: Checker): void {
  // `serverless: false` next to a cluster is harmless, so it does not count.
  const kinds = ['serverless', 'existing_cluster_id', 'new_cluster'].filter(
    (key) =>
      key === 'serverless'
        ? c.text(['compute', key]) === 'true'
        : c.has(['compute', key])
  )
  if (kinds.length > 1) {
    c.report(
      'compute-conflict',
      `compute sets ${kinds.join(' and ')}; keep one`,
      ['compute', kinds[1]]
    )
  }
  checkClusterSpec(c)
}
