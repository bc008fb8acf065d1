// @ts-check
import { didYouMean, errorAt } from '../dtflw.js'
import { inline } from '../yaml-edit.js'

/** @typedef {import('../dtflw.js').Diagnostic} Diagnostic */
/** @typedef {import('./columns.js').KnownColumn} KnownColumn */
/** @typedef {import('./etl-templates.js').TemplateRequest} TemplateRequest */

/**
 * A column name in template SQL: as it is when SQL reads it so, else in
 * backticks (which the local engine reads as a quoted name).
 * @param {string} name
 */
export function quote(name) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? name
    : `\`${name.replace(/`/g, '``')}\``
}

/** `s.a`, `s.b` … @param {string} alias @param {readonly KnownColumn[]} cols */
export function qualified(alias, cols) {
  return cols.map((c) => `${alias}.${quote(c.name)}`)
}

/** The columns one per line, or `*` when they are not known. @param {readonly KnownColumn[] | undefined} cols */
export function columnList(cols) {
  return cols ? cols.map((c) => quote(c.name)).join(',\n') : '*'
}

/**
 * A manifest `columns:` map of known columns: each column's declared type,
 * null (present, any type) where none is known.
 * @param {readonly KnownColumn[]} cols
 * @returns {Record<string, string | null>}
 */
export function declaredColumns(cols) {
  return Object.fromEntries(cols.map((c) => [c.name, c.type]))
}

/**
 * The table a step rewrites, as an input of the same step: dtflw's
 * read-and-rewrite rule. It is optional because on the first run no step
 * has written it yet.
 * @param {string} table
 */
export function keptTable(table) {
  return inline({ name: table, optional: true })
}

/**
 * An output as the manifest lists it: a name, with its expected columns
 * when they are known (on one line when they fit).
 * @param {string} name
 * @param {Record<string, string | null> | undefined} columns
 */
export function output(name, columns) {
  if (!columns) return name
  const line = Object.entries(columns)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')
  return { name, columns: line.length <= 56 ? inline(columns) : columns }
}

/**
 * A refusal with one diagnostic.
 * @param {string} code
 * @param {string} summary
 * @returns {{ ok: false, diagnostics: Diagnostic[] }}
 */
export function problem(code, summary) {
  return { ok: false, diagnostics: [errorAt(code, summary)] }
}

/**
 * The one table a template reads.
 * @param {TemplateRequest} req
 * @returns {{ ok: true, table: string } | { ok: false, diagnostics: Diagnostic[] }}
 */
export function requireOneInput(req) {
  if (req.inputs.length === 1) return { ok: true, table: req.inputs[0] }
  return problem(
    'template-inputs',
    `this template reads one table; got ${req.inputs.length === 0 ? 'none' : req.inputs.join(', ')}. Pass --inputs TABLE.`
  )
}

/**
 * The columns of the table a template reads, which it cannot do without.
 * @param {TemplateRequest} req
 * @param {string} table
 * @param {string} template
 * @param {string} why What the template needs them for.
 * @returns {{ ok: true, columns: KnownColumn[] } | { ok: false, diagnostics: Diagnostic[] }}
 */
export function requireColumns(req, table, template, why) {
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
 * @param {TemplateRequest} req
 * @param {string} table
 */
export function unknownColumns(req, table) {
  const unknown = req.unknownWhy(table)
  if (!unknown) {
    return `they are not known: the step that writes it declares no columns; declare them, or pass --columns a,b,c.`
  }
  const fix = unknown.fix.charAt(0).toUpperCase() + unknown.fix.slice(1)
  return `dtflw could not learn them: ${unknown.why}. ${fix}, or pass --columns a,b,c.`
}

/**
 * A key column the template was given (`--key`), checked against the
 * table's columns when they are known.
 * @param {string | undefined} key
 * @param {readonly KnownColumn[] | undefined} cols
 * @param {string} table
 * @param {string} option
 * @returns {{ ok: true } | { ok: false, diagnostics: Diagnostic[] }}
 */
export function requireKey(key, cols, table, option) {
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
