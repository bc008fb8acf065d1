import { didYouMean } from '../../diagnostics/index.js'
import {
  output,
  problem,
  quote,
  requireOneInput,
  unknownColumns
} from './support.js'
import type { KnownColumn, Planned, Refusal, TemplateRequest } from './types.js'

/**
 * Periods `--by` may name when the table has no column of that name: each
 * is the date it starts on, taken from the table's first date column.
 */
const PERIODS = ['day', 'week', 'month', 'quarter', 'year']

/** A column named like a date, for when no column is known to hold dates. */
const DATE_NAME = /(^|_)(date|day|at|time|timestamp|ts)$/i

/** Columns that identify rows rather than measure them: never summed. */
const IDENTIFIER = /(^id$|_(id|sk|key|code|no|nr)$)/i

/** A column of the result: its name, the SQL that computes it, its type. */
interface ResultColumn {
  readonly name: string
  readonly expr: string
  readonly type: string | null
}

/**
 * The start of the period holding `column`, as a DATE on both engines
 * (Databricks' date_trunc gives a timestamp, DuckDB's a timestamp or date).
 */
function periodStart(period: string, column: string): string {
  const date = `CAST(${quote(column)} AS DATE)`
  return period === 'day'
    ? date
    : `CAST(date_trunc('${period.toUpperCase()}', ${date}) AS DATE)`
}

/**
 * A sum with the same type on both engines where the column's type is
 * known: whole numbers as bigint, decimals widened to 38 digits (each
 * engine widens a decimal sum differently), floating point as double.
 */
function sumOf(c: KnownColumn): { expr: string; type: string | null } {
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

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length === 1
    ? names[0]
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * The grouping keys of `--by`: a column by name, or a period taken from the
 * date column; or why one cannot be.
 */
function groupingKeys(
  req: TemplateRequest,
  src: string,
  cols: readonly KnownColumn[] | undefined
): { ok: true; keys: ResultColumn[] } | Refusal {
  const date =
    cols?.find((c) => c.kind === 'date') ??
    cols?.find((c) => c.kind === 'unknown' && DATE_NAME.test(c.name))
  const keys: ResultColumn[] = []
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
  return { ok: true, keys }
}

/**
 * `aggregate`: one row per value of the `--by` keys, the number of rows and
 * the sum of each numeric column that is not an identifier.
 */
export function aggregate(req: TemplateRequest): Planned {
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
  const grouped = groupingKeys(req, src, cols)
  if (!grouped.ok) return grouped
  const keys = grouped.keys
  const measures: ResultColumn[] = (cols ?? [])
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
  return {
    ok: true,
    plan: {
      file: 'aggregate.sql',
      inputs: [src],
      outputs: [
        output(
          req.output,
          {
            ...Object.fromEntries(keys.map((k) => [k.name, k.type])),
            row_count: 'bigint',
            ...Object.fromEntries(measures.map((m) => [m.name, m.type]))
          },
          // One row per group: the grouping columns identify it.
          keys.map((k) => k.name)
        )
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
