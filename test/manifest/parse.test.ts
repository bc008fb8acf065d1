import { describe, expect, it } from '@jest/globals'
import { manifestOf, problemsOf } from '../support/manifest.js'

const sample = `pipeline: sales
sources:
  raw_orders: { description: Orders exported by the shop }
flow:
  - notebook: notebooks/ingest_data.sql
    inputs: [raw_orders]
    outputs: [sales_orders_bronze]
  - notebook: notebooks/import_data.py
    inputs: [sales_orders_bronze]
    outputs:
      - sales_orders_silver
      - name: customers_silver
        alias: customers
        columns: { customer_id: bigint, total: "decimal(18,2)", note: null }
        strict: true
  - notebook: ./notebooks/calculate_sales_stats.sql
    key: stats
    args: { year: "\${var.year}", limit: 10 }
    inputs:
      - sales_orders_silver
      - { name: customers_silver, source: customers, optional: true }
`

describe('parseManifest', () => {
  it('keeps step arguments as written: a 20-digit id, 1.50 and True stay that text', () => {
    const args = (text: string) =>
      manifestOf(text).flow[0].args.map((a) => [a.name, a.value])
    const expected = [
      ['id', '12345678901234567890'],
      ['ratio', '1.50'],
      ['flag', 'True'],
      ['hex', '0x1F'],
      ['text', '007']
    ]
    // The fast reader, block and flow style.
    expect(
      args(
        'pipeline: p\nflow:\n  - notebook: a.sql\n    args:\n      id: 12345678901234567890\n      ratio: 1.50\n      flag: True\n      hex: 0x1F\n      text: "007"\n'
      )
    ).toEqual(expected)
    expect(
      args(
        'pipeline: p\nflow:\n  - notebook: a.sql\n    args: { id: 12345678901234567890, ratio: 1.50, flag: True, hex: 0x1F, text: "007" }\n'
      )
    ).toEqual(expected)
    // The YAML library (an anchor sends the file there).
    expect(
      args(
        'pipeline: p\nflow:\n  - notebook: a.sql\n    args: &a\n      id: 12345678901234567890\n      ratio: 1.50\n      flag: True\n      hex: 0x1F\n      text: "007"\n'
      )
    ).toEqual(expected)
  })

  it('normalises steps, keys, inputs, outputs and arguments', () => {
    const m = manifestOf(sample)
    expect(m.pipeline).toBe('sales')
    expect(m.profilesDir).toBe('profiles')
    expect(m.flow.map((s) => s.key)).toEqual([
      'ingest_data',
      'import_data',
      'stats'
    ])
    expect(m.flow[2].notebook).toBe('notebooks/calculate_sales_stats.sql')
    expect(m.flow[2].args.map((a) => [a.name, a.value])).toEqual([
      ['year', '${var.year}'],
      ['limit', '10']
    ])
    expect(m.flow[2].inputs[1]).toMatchObject({
      name: 'customers_silver',
      source: 'customers',
      optional: true
    })
    expect(m.flow[1].outputs[1]).toMatchObject({
      name: 'customers_silver',
      alias: 'customers',
      strict: true,
      columns: [
        { name: 'customer_id', type: 'bigint' },
        { name: 'total', type: 'decimal(18,2)' },
        { name: 'note', type: null }
      ]
    })
  })

  it('keeps the position of every step for messages', () => {
    const m = manifestOf(sample)
    expect(m.flow[1].location).toEqual({
      file: 'dtflw.yaml',
      line: 8,
      column: 5
    })
    expect(m.flow[0].inputs[0].location.line).toBe(6)
    expect(m.sources[0].location).toEqual({
      file: 'dtflw.yaml',
      line: 3,
      column: 3
    })
  })
})

describe('manifest errors name file, line, column and what to do', () => {
  it('an unknown key, with a suggestion', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    ouputs: [x]
`)
    ).toEqual([
      'dtflw.yaml:4:5: error: unknown key "ouputs" in flow[0]; did you mean "outputs"?\n' +
        '  the keys in flow[0] are: notebook, key, args, inputs, outputs'
    ])
  })

  it('a step without a notebook', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - outputs: [x]
`)
    ).toEqual(['dtflw.yaml:3:5: error: flow[0] needs "notebook"; add it.'])
  })

  it('a value of the wrong kind', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    inputs: x
`)
    ).toEqual([
      'dtflw.yaml:4:13: error: flow[0].inputs must be a list, got "x".'
    ])
  })

  it('an input that is neither a name nor a mapping', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    inputs: [[a]]
`)
    ).toEqual([
      'dtflw.yaml:4:14: error: flow[0].inputs[0] must be a string (a table name, or a mapping with "name"), got a list.'
    ])
  })

  it('an input mapping with an unknown key', () => {
    expect(
      problemsOf(`pipeline: p
sources: { a: }
flow:
  - notebook: a.sql
    inputs: [{ name: a, optinal: true }]
`)
    ).toEqual([
      'dtflw.yaml:5:25: error: unknown key "optinal" in flow[0].inputs[0]; did you mean "optional"?\n' +
        '  the keys in flow[0].inputs[0] are: name, source, path, optional'
    ])
  })

  it('an empty name', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    outputs: [""]
`)
    ).toEqual(['dtflw.yaml:4:15: error: flow[0].outputs[0] must not be empty.'])
  })

  it('a table name with a space', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    outputs: ["my table"]
`)
    ).toEqual([
      'dtflw.yaml:4:15: error: flow[0].outputs[0] must be a plain table name: no spaces, "/", "\\", ".." or control characters, got "my table".'
    ])
  })

  it('a duplicate task key, naming both steps', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: nb/clean.sql
  - notebook: other/clean.py
`)
    ).toEqual([
      'dtflw.yaml:4:15: error: task key "clean" is used by flow[0] (dtflw.yaml:3) and flow[1]; give one of them a unique "key:".'
    ])
  })

  it('two parameters with one name in a step', () => {
    expect(
      problemsOf(`pipeline: p
sources: { a: }
flow:
  - notebook: n.sql
    inputs: [a, { name: a, path: /x }]
`)
    ).toEqual([
      'dtflw.yaml:5:17: error: input "a" gives step "n" a second parameter "a_in" (the first is at dtflw.yaml:5); rename one.'
    ])
  })

  it('an input nothing produces, with a suggestion', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    outputs: [orders_bronze]
  - notebook: b.sql
    inputs: [orders_bronz]
`)
    ).toEqual([
      'dtflw.yaml:6:14: error: input "orders_bronz" of step "b" is not produced by an earlier step and is not a declared source; did you mean "orders_bronze"?'
    ])
  })

  it('an input produced only later in the flow', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    inputs: [late]
  - notebook: b.sql
    outputs: [late]
`)
    ).toEqual([
      'dtflw.yaml:4:14: error: input "late" of step "a" is produced later, by step "b" (dtflw.yaml:5); an input resolves to a producer before its step: move the step after its producer, or declare "late" under sources.'
    ])
  })

  it('a YAML syntax error', () => {
    const [message] = problemsOf(`pipeline: p
flow:
  - notebook: a.sql
   inputs: [x]
`)
    expect(message).toMatch(/^dtflw\.yaml:4:\d+: error: YAML syntax error: /)
  })

  it('an unquoted template inside a { } mapping says to quote it', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - { notebook: a.sql, args: { year: \${var.year} } }
`)
    ).toEqual([
      'dtflw.yaml:3:38: error: ${var.year} inside a { … } flow mapping must be quoted; write year: "${var.year}"\n' +
        '  In { … } and [ … ] YAML reads the braces of ${…} as structure, so the value needs quotes.'
    ])
  })

  it('a notebook outside the repository', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: ../elsewhere/a.sql
`)
    ).toEqual([
      'dtflw.yaml:3:15: error: notebook "../elsewhere/a.sql" must be a path inside the repository, relative to the manifest.'
    ])
  })

  it('a notebook without a notebook extension, in any case the others are taken', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: notebooks/a.txt
  - notebook: notebooks/b.R
  - notebook: notebooks/c.IPYNB
  - notebook: notebooks/d.scala
`)
    ).toEqual([
      'dtflw.yaml:3:15: error: notebook "notebooks/a.txt" must end in .py, .sql, .scala, .r or .ipynb (a Databricks source notebook or a Jupyter export).'
    ])
  })

  it('reports every problem at once, not just the first', () => {
    expect(
      problemsOf(`pipeline: p
flow:
  - notebook: a.sql
    ouputs: [x]
  - notebok: b.sql
`)
    ).toHaveLength(3)
  })
})
