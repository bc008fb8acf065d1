// @ts-check
import { didYouMean } from '../dtflw.js'
import {
  output,
  problem,
  quote,
  requireOneInput,
  unknownColumns
} from './template-support.js'

/** @typedef {import('./columns.js').KnownColumn} KnownColumn */
/** @typedef {import('./etl-templates.js').TemplateRequest} TemplateRequest */
/** @typedef {import('./etl-templates.js').Planned} Planned */

/**
 * Periods `--by` may name when the table has no column of that name: each
 * is the date it starts on, taken from the table's first date column.
 */
const PERIODS = ['day', 'week', 'month', 'quarter', 'year']

/** A column named like a date, for when no column is known to hold dates. */
const DATE_NAME = /(^|_)(date|day|at|time|timestamp|ts)$/i

/** Columns that identify rows rather than measure them: never summed. */
const IDENTIFIER = /(^id$|_(id|sk|key|code|no|nr)$)/i

/**
 * The start of the period holding `column`, as a DATE on both engines
 * (Databricks' date_trunc gives a timestamp, DuckDB's a timestamp or date).
 * @param {string} period
 * @param {string} column
 */
function periodStart(period, column) {
  const date = `CAST(${quote(column)} AS DATE)`
  return period === 'day'
    ? date
    : `CAST(date_trunc('${period.toUpperCase()}', ${date}) AS DATE)`
}

/**
 * A sum with the same type on both engines where the column's type is
 * known: whole numbers as bigint, decimals widened to 38 digits (each
 * engine widens a decimal sum differently), floating point as double.
 * @param {KnownColumn} c
 * @returns {{ expr: string, type: string | null }}
 */
function sumOf(c) {
  const name = quote(c.name)
  const t = (c.type ?? '').toLowerCase().replace(/\s+/g, '')
  if (/^(tinyint|smallint|int|integer|bigint|long|short|byte)$/.test(t))
    return { expr: `CAST(SUM(${name}) AS BIGINT)`, type: 'bigint' }
  const decimal = /^(?:decimal|dec|numeric)(?:\(\d+(?:,(\d+))?\))?$/.exec(t)
  if (decimal) {
    const scale = decimal[1] ?? '0'
    return {
      expr: `CAST(SUM(${name}) AS DECIMAL(38, ${scale}))`,
      type: `decimal(38,${scale})`
    }
  }
  if (/^(float|double|real)$/.test(t))
    return { expr: `CAST(SUM(${name}) AS DOUBLE)`, type: 'double' }
  return { expr: `SUM(${name})`, type: null }
}

/**
 * `aggregate`: one row per value of the `--by` keys, the number of rows and
 * the sum of each numeric column that is not an identifier.
 * @param {TemplateRequest} req
 * @returns {Planned}
 */
export function aggregate(req) {
  const one = requireOneInput(req)
  if (!one.ok) return one
  const src = one.table
  if (req.by.length === 0) {
    return problem(
      'template-needs-by',
      'aggregate rolls up by the columns or periods --by names (--by country,month).'
    )
  }
  const cols = req.columnsOf(src)
  const date =
    cols?.find((c) => c.kind === 'date') ??
    cols?.find((c) => c.kind === 'unknown' && DATE_NAME.test(c.name))
  /** @type {{ name: string, expr: string, type: string | null }[]} */
  const keys = []
  for (const by of req.by) {
    if (!cols && PERIODS.includes(by)) {
      return problem(
        'template-needs-columns',
        `--by ${by}: the ${by} is taken from the date column of "${src}", and ${unknownColumns(req, src)}`
      )
    }
    const column = cols?.find((c) => c.name === by)
    if (!cols || column) {
      keys.push({ name: by, expr: quote(by), type: column?.type ?? null })
      continue
    }
    if (PERIODS.includes(by) && date) {
      keys.push({ name: by, expr: periodStart(by, date.name), type: 'date' })
      continue
    }
    const names = cols.map((c) => c.name)
    return problem(
      'template-unknown-column',
      PERIODS.includes(by)
        ? `--by ${by}: "${src}" has no column ${by} and no date column to take the ${by} from; its columns are: ${names.join(', ')}.`
        : `--by ${by}: "${src}" has no column ${by};${didYouMean(by, names) || ` its columns are: ${names.join(', ')}.`}`
    )
  }
  const measures = (cols ?? [])
    .filter(
      (c) =>
        c.kind === 'number' &&
        !IDENTIFIER.test(c.name) &&
        !req.by.includes(c.name)
    )
    .map((c) => ({ name: c.name, ...sumOf(c) }))
  const select = [
    ...keys.map((k) =>
      k.expr === quote(k.name) ? k.expr : `${k.expr} AS ${quote(k.name)}`
    ),
    'COUNT(*) AS row_count',
    ...measures.map((m) => `${m.expr} AS ${quote(m.name)}`)
  ]
  /** @param {string[]} names */
  const listed = (names) =>
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return {
    ok: true,
    plan: {
      file: 'aggregate.sql',
      inputs: [src],
      outputs: [
        output(req.output, {
          ...Object.fromEntries(keys.map((k) => [k.name, k.type])),
          row_count: 'bigint',
          ...Object.fromEntries(measures.map((m) => [m.name, m.type]))
        })
      ],
      values: {
        src,
        out: req.output,
        select: select.join(',\n'),
        group_by: keys.map((k) => k.expr).join(',\n'),
        by_doc: listed(req.by.map((b) => `\`${b}\``)),
        measures_doc:
          measures.length > 0
            ? ` and the sums of ${listed(measures.map((m) => `\`${m.name}\``))}`
            : ''
      }
    }
  }
}
