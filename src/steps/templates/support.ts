import { didYouMean, errorAt } from '../../diagnostics/index.js'
import { inline } from '../../yaml-edit/index.js'
import type {
  DeclaredColumns,
  KnownColumn,
  ListedTable,
  Refusal,
  TemplateRequest
} from './types.js'

/**
 * A column name in template SQL: as it is when SQL reads it so, else in
 * backticks (which the local engine reads as a quoted name).
 */
export function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? name
    : `\`${name.replace(/`/g, '``')}\``
}

/** `s.a`, `s.b` … */
export function qualified(
  alias: string,
  cols: readonly KnownColumn[]
): string[] {
  return cols.map((c) => `${alias}.${quote(c.name)}`)
}

/** The columns one per line, or `*` when they are not known. */
export function columnList(cols: readonly KnownColumn[] | undefined): string {
  return cols ? cols.map((c) => quote(c.name)).join(',\n') : '*'
}

/**
 * A manifest `columns:` map of known columns: each column's declared type,
 * null (present, any type) where none is known.
 */
export function declaredColumns(cols: readonly KnownColumn[]): DeclaredColumns {
  return Object.fromEntries(cols.map((c) => [c.name, c.type]))
}

/**
 * The table a step rewrites, as an input of the same step: dtflw's
 * read-and-rewrite rule. It is optional because on the first run no step
 * has written it yet.
 */
export function keptTable(table: string): ListedTable {
  return inline({ name: table, optional: true as const })
}

/**
 * An output as the manifest lists it: a name, with the columns that
 * identify a row when the template knows them (the data diff matches rows
 * on them) and its expected columns when they are known (each on one line
 * when it fits).
 */
export function output(
  name: string,
  columns: DeclaredColumns | undefined,
  key: readonly string[] = []
): ListedTable {
  if (!columns && key.length === 0) return name
  const keyed =
    key.length === 0
      ? {}
      : { key: key.length === 1 ? key[0] : inline([...key]) }
  if (!columns) return inline({ name, ...keyed })
  const line = Object.entries(columns)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')
  return {
    name,
    ...keyed,
    columns: line.length <= 56 ? inline(columns) : columns
  }
}

/** A refusal with one diagnostic. */
export function problem(code: string, summary: string): Refusal {
  return { ok: false, diagnostics: [errorAt(code, summary)] }
}

/** The one table a template reads. */
export function requireOneInput(
  req: TemplateRequest
): { ok: true; table: string } | Refusal {
  if (req.inputs.length === 1) return { ok: true, table: req.inputs[0] }
  return problem(
    'template-inputs',
    `this template reads one table; got ${req.inputs.length === 0 ? 'none' : req.inputs.join(', ')}. Pass --inputs TABLE.`
  )
}

/** The columns of the table a template reads, which it cannot do without. */
export function requireColumns(
  req: TemplateRequest,
  table: string,
  template: string,
  why: string
): { ok: true; columns: readonly KnownColumn[] } | Refusal {
  const columns = req.columnsOf(table)
  if (columns) return { ok: true, columns }
  return problem(
    'template-needs-columns',
    `${template} needs the columns of "${table}" (${why}), and ${unknownColumns(req, table)}`
  )
}

/**
 * Why the columns of `table` are not known and what to do, as the end of
 * a sentence: dtflw's reason when it tried to learn them, else that the
 * manifest declares none.
 */
export function unknownColumns(req: TemplateRequest, table: string): string {
  const unknown = req.unknownWhy(table)
  if (!unknown) {
    return `they are not known: the step that writes it declares no columns; declare them, or pass --columns a,b,c.`
  }
  return `dtflw could not learn them: ${unknown.why}. ${capitalized(unknown.fix)}, or pass --columns a,b,c.`
}

/** A sentence's first letter in upper case. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * A key column the template was given (`--key`), checked against the
 * table's columns when they are known.
 */
export function requireKey(
  key: string | undefined,
  cols: readonly KnownColumn[] | undefined,
  table: string,
  option: string
): { ok: true } | Refusal {
  if (!key) {
    return problem(
      'template-needs-key',
      `this template needs the business key of "${table}": pass ${option} COLUMN.`
    )
  }
  if (!cols || cols.some((c) => c.name === key)) return { ok: true }
  const names = cols.map((c) => c.name)
  return problem(
    'template-unknown-column',
    `${option} ${key}: "${table}" has no column ${key};${didYouMean(key, names) || ` its columns are: ${names.join(', ')}.`}`
  )
}
