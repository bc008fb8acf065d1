import { PYTHON_TABLE_HELPERS } from './python-helpers.js'
import {
  columnList,
  declaredColumns,
  keptTable,
  output,
  problem,
  qualified,
  quote,
  requireColumns,
  requireKey,
  requireOneInput
} from './support.js'
import type { KnownColumn, Planned, TemplateRequest } from './types.js'

/**
 * The ingest templates, after datafaucet's ingest chapter: a copy that
 * overwrites, a copy that appends what is new, and a log of changes kept as
 * a slowly changing dimension of type 2.
 */

/** `ingest-overwrite`: a copy of one table, replaced on every run. */
export function ingestOverwrite(req: TemplateRequest): Planned {
  const one = requireOneInput(req)
  if (!one.ok) return one
  const src = one.table
  const cols = req.columnsOf(src)
  const python = req.language === 'python'
  return {
    ok: true,
    plan: {
      file: python ? 'ingest-overwrite.py' : 'ingest-overwrite.sql',
      inputs: [src],
      outputs: [output(req.output, cols && declaredColumns(cols))],
      values: {
        src,
        out: req.output,
        columns: python ? pythonColumns(cols) : columnList(cols),
        helpers: PYTHON_TABLE_HELPERS
      }
    }
  }
}

/**
 * The columns a Python copy selects, each cast to its known type: PySpark
 * reads every column of a CSV file as a string, DuckDB's API infers
 * types, and the cast gives the copy the types `dtflw.yaml` declares
 * whichever reads it.
 */
function pythonColumns(cols: readonly KnownColumn[] | undefined): string {
  if (!cols) return '"*"'
  return cols
    .map((c) => {
      const name = JSON.stringify(c.name)
      return c.type
        ? `F.col(${name}).cast(${JSON.stringify(c.type)}).alias(${name})`
        : name
    })
    .join(',\n')
}

/** `ingest-append`: the rows a table does not hold yet, appended. */
export function ingestAppend(req: TemplateRequest): Planned {
  const one = requireOneInput(req)
  if (!one.ok) return one
  const src = one.table
  const cols = req.columnsOf(src)
  if (req.key.length === 0 && !cols) {
    return problem(
      'template-needs-key',
      `ingest-append matches incoming rows on --key, or on every column when it knows them, and the columns of "${src}" are not known; pass --key COLUMN[,COLUMN] or --columns a,b,c.`
    )
  }
  for (const k of req.key) {
    const known = requireKey(k, cols, src, '--key')
    if (!known.ok) return known
  }
  const match =
    req.key.length > 0 || !cols
      ? req.key.map((k) => `t.${quote(k)} = s.${quote(k)}`)
      : cols.map(
          (c) => `t.${quote(c.name)} IS NOT DISTINCT FROM s.${quote(c.name)}`
        )
  return {
    ok: true,
    plan: {
      file: 'ingest-append.sql',
      inputs: [src, keptTable(req.output)],
      outputs: [output(req.output, cols && declaredColumns(cols), req.key)],
      values: {
        src,
        out: req.output,
        columns: columnList(cols),
        source_columns: cols ? qualified('s', cols).join(',\n') : 's.*',
        match: match.join('\n  AND '),
        matched_on:
          req.key.length > 0
            ? req.key.map((k) => `\`${k}\``).join(' and ')
            : 'every column'
      }
    }
  }
}

/** `scd2`: a slowly changing dimension of type 2, kept with MERGE INTO. */
export function scd2(req: TemplateRequest): Planned {
  const one = requireOneInput(req)
  if (!one.ok) return one
  const src = one.table
  const known = requireColumns(req, src, 'scd2', 'the tracked columns')
  if (!known.ok) return known
  const cols = known.columns
  const keyed = requireKey(req.key[0], cols, src, '--key')
  if (!keyed.ok) return keyed
  const key = quote(req.key[0])
  const tracked = cols.filter((c) => c.name !== req.key[0])
  const changed = (a: string, b: string): string =>
    tracked
      .map(
        (c) => `${a}.${quote(c.name)} IS DISTINCT FROM ${b}.${quote(c.name)}`
      )
      .join('\n  OR ')
  return {
    ok: true,
    plan: {
      file: 'scd2.sql',
      inputs: [src, keptTable(req.output)],
      outputs: [
        output(
          req.output,
          {
            ...declaredColumns(cols),
            valid_from: 'timestamp',
            valid_to: 'timestamp',
            is_current: 'boolean'
          },
          // A version of a row: its key and when it began.
          [req.key[0], 'valid_from']
        )
      ],
      args: { as_of: '${AS_OF:-}' },
      values: {
        src,
        out: req.output,
        key,
        columns: columnList(cols),
        source_columns: qualified('s', cols).join(',\n'),
        changed_c: changed('c', 's'),
        changed_d: changed('d', 'u'),
        insert_columns: cols.map((c) => quote(c.name)).join(', '),
        insert_values: qualified('u', cols).join(', ')
      }
    }
  }
}
