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
import type { DeclaredColumns, Planned, TemplateRequest } from './types.js'

/**
 * The star-schema templates: a dimension with stable surrogate keys, and a
 * fact table that swaps business keys for them.
 */

/**
 * The surrogate key of a dimension keyed by `key`: `customer_id` →
 * `customer_sk`.
 */
export function surrogateKeyOf(key: string): string {
  return `${key.replace(/_(id|key|code|no|nr)$/i, '')}_sk`
}

/** `dimension`: a star-schema dimension keyed by `--key`. */
export function dimension(req: TemplateRequest): Planned {
  const one = requireOneInput(req)
  if (!one.ok) return one
  const src = one.table
  const known = requireColumns(req, src, 'dimension', 'its attributes')
  if (!known.ok) return known
  const cols = known.columns
  const keyed = requireKey(req.key[0], cols, src, '--key')
  if (!keyed.ok) return keyed
  const sk = surrogateKeyOf(req.key[0])
  if (cols.some((c) => c.name === sk)) {
    return problem(
      'template-column-clash',
      `"${src}" already has a column ${sk}, the surrogate key the dimension adds; rename it in "${src}".`
    )
  }
  const attributes = cols.filter((c) => c.name !== req.key[0])
  return {
    ok: true,
    plan: {
      file: 'dimension.sql',
      inputs: [src, keptTable(req.output)],
      outputs: [
        output(req.output, { [sk]: 'bigint', ...declaredColumns(cols) }, [
          req.key[0]
        ])
      ],
      values: {
        src,
        out: req.output,
        key: quote(req.key[0]),
        sk: quote(sk),
        columns: columnList(cols),
        source_columns: qualified('s', cols).join(',\n'),
        changed_d: attributes
          .map((c) => `d.${quote(c.name)} IS DISTINCT FROM s.${quote(c.name)}`)
          .join('\n  OR '),
        update_set: attributes
          .map((c) => `${quote(c.name)} = s.${quote(c.name)}`)
          .join(',\n  ')
      }
    }
  }
}

/** A dimension the fact table joins: its surrogate key and the shared key. */
interface DimensionJoin {
  readonly table: string
  readonly sk: string
  readonly key: string
}

/** `fact`: the facts, with the surrogate keys of the dimensions after them. */
export function fact(req: TemplateRequest): Planned {
  const [facts, ...dimensions] = req.inputs
  if (!facts || dimensions.length === 0) {
    return problem(
      'template-inputs',
      `fact reads the facts first, then one or more dimensions (--inputs orders,dim_customer); got ${req.inputs.length === 0 ? 'no input' : `only "${facts}"`}.`
    )
  }
  const factColumns = req.columnsOf(facts)
  const joins: DimensionJoin[] = []
  for (const table of dimensions) {
    const cols = req.columnsOf(table) ?? []
    const sk = cols.find((c) => c.name.endsWith('_sk'))
    if (!sk) {
      return problem(
        'template-inputs',
        `"${table}" has no surrogate key: its step declares no *_sk column. fact reads the facts first, then dimensions made with --template dimension.`
      )
    }
    const others = cols.filter((c) => c !== sk).map((c) => c.name)
    const key = factColumns
      ? others.find((n) => factColumns.some((c) => c.name === n))
      : others[0]
    if (!key) {
      return problem(
        'template-inputs',
        `"${facts}" has none of the columns of dimension "${table}" (${others.join(', ')}) to join it on; name the facts' column like the dimension's key.`
      )
    }
    joins.push({ table, sk: sk.name, key })
  }
  const keys = new Set(joins.map((j) => j.key))
  const kept = factColumns?.filter((c) => !keys.has(c.name))
  const select = [
    ...joins.map(
      (j, i) => `COALESCE(d${i + 1}.${quote(j.sk)}, -1) AS ${quote(j.sk)}`
    ),
    ...(kept ? qualified('f', kept) : ['f.*'])
  ]
  const columns: DeclaredColumns = Object.fromEntries(
    joins.map((j) => [j.sk, 'bigint'])
  )
  return {
    ok: true,
    plan: {
      file: 'fact.sql',
      inputs: [facts, ...dimensions],
      outputs: [
        output(req.output, { ...columns, ...(kept && declaredColumns(kept)) })
      ],
      values: {
        src: facts,
        out: req.output,
        select: select.join(',\n'),
        joins: joins
          .map(
            (j, i) =>
              `LEFT JOIN IDENTIFIER(:${j.table}_in) AS d${i + 1}\n  ON d${i + 1}.${quote(j.key)} = f.${quote(j.key)}`
          )
          .join('\n'),
        dimensions_doc: joins
          .map((j) => `\`${j.key}\` → \`${j.sk}\` (\`${j.table}\`)`)
          .join(', ')
      }
    }
  }
}
