import { inferFormat } from '../profiles/index.js'
import type { SourceLocationConfig, TablesConfig } from '../profiles/index.js'
import type { TableLocation } from './types.js'

const SCHEME = /^[a-z][a-z0-9+.-]*:\/?/i

/** True for `dbfs:/…`, `abfss://…`, `s3://…`, `/Volumes/…` and other absolute locations. */
function isAbsoluteLocation(p: string): boolean {
  return SCHEME.test(p) || p.startsWith('/')
}

/** Joins location parts with exactly one `/`, keeping `scheme://` intact. */
function joinLocation(root: string, ...parts: string[]): string {
  let out = root
  for (const part of parts) {
    if (!part) continue
    const trimmed = part.replace(/^\/+/, '')
    out =
      out === ''
        ? trimmed
        : out.endsWith('/')
          ? out + trimmed
          : `${out}/${trimmed}`
  }
  return out
}

/** The notebook's path without its extension, as dtflw lays out tables. */
function notebookFolder(notebook: string): string {
  return notebook.replace(/\.[^./]*$/, '')
}

/** The format a file location implies, from its extension. */
export function formatOf(p: string, fallback: string): string {
  return inferFormat(p) ?? fallback
}

/**
 * Where a step's output lives by default.
 * - `layout: path` (dtflw parity): `<root>/<notebook path without extension>/<name>.<format>`;
 * - `layout: catalog`: `<catalog>.<schema>.<alias>` — the alias, because a
 *   catalog table is shared by every step that publishes that name.
 */
export function defaultOutputLocation(
  tables: TablesConfig,
  notebook: string,
  name: string,
  alias: string
): TableLocation {
  if (tables.layout === 'path') {
    return {
      kind: 'path',
      uri: joinLocation(
        tables.root,
        notebookFolder(notebook),
        `${name}.${tables.format}`
      ),
      format: tables.format
    }
  }
  return {
    kind: 'table',
    name: `${tables.catalog}.${tables.schema}.${alias}`,
    ...(tables.format ? { format: tables.format } : {})
  }
}

/** Why an explicit `path:` cannot be placed under this profile. */
export interface ExplicitPathProblem {
  readonly problem: string
}

/**
 * An explicit `path:` on an input or output. Absolute locations pass as
 * given; relative paths join the path layout's root; under a catalog layout
 * a dotted name (`schema.table`, `catalog.schema.table`) is a table.
 */
export function explicitLocation(
  tables: TablesConfig,
  p: string
): TableLocation | ExplicitPathProblem {
  if (isAbsoluteLocation(p)) {
    const format = tables.format ?? 'parquet'
    return { kind: 'path', uri: p, format: formatOf(p, format) }
  }
  if (tables.layout === 'catalog') {
    const parts = p.split('.')
    if (
      !p.includes('/') &&
      parts.length <= 3 &&
      parts.every((x) => /^[\w-]+$/.test(x))
    ) {
      const full = [tables.catalog, tables.schema]
        .slice(0, 3 - parts.length)
        .concat(parts)
      return {
        kind: 'table',
        name: full.join('.'),
        ...(tables.format ? { format: tables.format } : {})
      }
    }
    return {
      problem: `is a relative path, but this profile uses layout: catalog, which has no root; write an absolute location or a table name (schema.table)`
    }
  }
  return {
    kind: 'path',
    uri: joinLocation(tables.root, p),
    format: formatOf(p, tables.format)
  }
}

/** A source's location in one profile. */
export function sourceLocation(config: SourceLocationConfig): TableLocation {
  if ('table' in config) return { kind: 'table', name: config.table }
  return { kind: 'path', uri: config.path, format: config.format }
}

/** The string a notebook receives for a location. */
export function locationValue(location: TableLocation | undefined): string {
  if (!location) return ''
  return location.kind === 'path' ? location.uri : location.name
}

/**
 * A key that is equal for two locations exactly when they are the same
 * physical place (trailing slashes, `./` and case of catalog names ignored).
 */
export function locationKey(location: TableLocation): string {
  let key = keys.get(location)
  if (key === undefined) {
    key =
      location.kind === 'table'
        ? `table:${location.name.toLowerCase()}`
        : `path:${location.uri.replace(/^\.\//, '').replace(/\/+$/, '')}`
    keys.set(location, key)
  }
  return key
}

// A planned location is one object shared by its writer and every reader,
// so each is keyed once.
const keys = new WeakMap<TableLocation, string>()
