import { describe, expect, it } from '@jest/globals'
import {
  findParameterReferences,
  parseNotebook
} from '../../src/notebooks/index.js'
import { parseFixture } from './fixture.js'

function namesIn(text: string, file = 'q.sql'): [string, string][] {
  return findParameterReferences(parseNotebook(text, file)).map((r) => [
    r.name,
    r.form
  ])
}

const SQL = '-- Databricks notebook source\n'
const PY = '# Databricks notebook source\n'

describe('findParameterReferences', () => {
  it('finds every form in a SQL notebook and skips the decoys', () => {
    expect(findParameterReferences(parseFixture('params.sql'))).toEqual([
      { name: 'run_date', form: 'widget-get', cell: 0, line: 4 },
      { name: 'catalog', form: 'identifier', cell: 1, line: 12 },
      { name: 'schema', form: 'identifier', cell: 1, line: 12 },
      { name: 'run_date', form: 'dollar-brace', cell: 1, line: 18 },
      { name: 'source_table', form: 'dollar-brace', cell: 1, line: 22 },
      { name: 'region', form: 'marker', cell: 1, line: 23 },
      { name: 'pattern', form: 'dollar', cell: 1, line: 24 },
      {
        name: 'order_id',
        form: 'get-argument',
        cell: 1,
        line: 26,
        hasDefault: true
      },
      { name: 'scala_param', form: 'widget-get', cell: 2, line: 32 }
    ])
  })

  it('finds references in .ipynb cells, on the cell line', () => {
    expect(findParameterReferences(parseFixture('daily_sales.ipynb'))).toEqual([
      { name: 'orders_in', form: 'widget-get', cell: 2, line: 39 },
      { name: 'orders_in', form: 'identifier', cell: 3, line: 58 },
      { name: 'run_date', form: 'marker', cell: 3, line: 58 }
    ])
    expect(
      findParameterReferences(parseFixture('legacy_report.ipynb')).map((r) => [
        r.name,
        r.form
      ])
    ).toEqual([
      ['source_table', 'dollar-brace'],
      ['run_date', 'get-argument']
    ])
  })

  it('reads %sql cells of a Python notebook', () => {
    const text = `${PY}# MAGIC %sql SELECT * FROM t WHERE d = :day`
    expect(namesIn(text, 'a.py')).toEqual([['day', 'marker']])
  })

  it('takes every marker of an IDENTIFIER clause, in any case', () => {
    const text = `${SQL}SELECT * FROM identifier(concat(:catalog, '.crypto', :t)) WHERE x = :x`
    expect(namesIn(text)).toEqual([
      ['catalog', 'identifier'],
      ['t', 'identifier'],
      ['x', 'marker']
    ])
  })

  it.each([
    ['a cast', 'SELECT x::int, (y)::string, z :: date'],
    ['a JSON path', 'SELECT raw:a.b, raw:[0], t.raw:field::int'],
    ['a time in a string', 'SELECT \'12:30\', "09:15"'],
    ['a Spark conf value', "SELECT '${da.username}', ${spark.sql.x}"],
    ['an escaped dollar', "SELECT '\\${literal}', '\\$literal'"],
    ['a line comment', 'SELECT 1 -- WHERE a = :a AND b = ${b}'],
    ['a nested block comment', 'SELECT /* /* :a */ ${b} */ 1'],
    ['a struct type', 'SELECT CAST(x AS STRUCT<a:INT, b: STRING>)'],
    [
      'a Python function body',
      'CREATE FUNCTION f(x STRING) RETURNS STRING LANGUAGE PYTHON AS $$\nreturn x[:n]\n$$'
    ],
    ['a getArgument in a string', 'SELECT \'getArgument("a")\'']
  ])('ignores %s', (_, sql) => {
    expect(namesIn(SQL + sql)).toEqual([])
  })

  it('finds markers at the start of the cell and after operators', () => {
    expect(namesIn(`${SQL}:a\nSELECT (:b), :c||:d, 1=:e`)).toEqual([
      ['a', 'marker'],
      ['b', 'marker'],
      ['c', 'marker'],
      ['d', 'marker'],
      ['e', 'marker']
    ])
  })

  it('finds ${name} inside identifiers and strings', () => {
    const text = `${SQL}SELECT * FROM \${catalog}.\${db}_\${sf}.t WHERE p = "\${dir}sf=\${sf}/"`
    expect(namesIn(text).map(([n]) => n)).toEqual([
      'catalog',
      'db',
      'sf',
      'dir',
      'sf'
    ])
  })

  it('reads Python widget calls, not comments, strings or built names', () => {
    const text =
      PY +
      'a = dbutils.widgets.get("a")\n' +
      "b = dbutils.widgets.get(name='b')\n" +
      'c = dbutils.widgets.get(\n    "c"\n)\n' +
      'd = getArgument("d", "default")\n' +
      'e = dbutils.widgets.getArgument("e", "")\n' +
      '# f = dbutils.widgets.get("f")\n' +
      '"""dbutils.widgets.get("g")"""\n' +
      'h = dbutils.widgets.get(f"h_{i}")\n' +
      'i = dbutils.widgets.get(name_var)\n' +
      "spark.sql('SELECT :not_python')"
    expect(namesIn(text, 'a.py')).toEqual([
      ['a', 'widget-get'],
      ['b', 'widget-get'],
      ['c', 'widget-get'],
      ['d', 'get-argument'],
      ['e', 'get-argument']
    ])
  })

  it('keeps widget names with spaces and dots', () => {
    const text = `${PY}k = getArgument("1. Consumer Key (API Key)", "")`
    expect(namesIn(text, 'a.py')).toEqual([
      ['1. Consumer Key (API Key)', 'get-argument']
    ])
  })

  it('ignores Scala, R, shell and markdown look-alikes', () => {
    const text =
      SQL +
      '-- MAGIC %scala\n-- MAGIC val t = s"${db}.t" // :x\n\n' +
      '-- COMMAND ----------\n\n' +
      '-- MAGIC %r\n-- MAGIC x <- df$col\n\n' +
      '-- COMMAND ----------\n\n' +
      '-- MAGIC %sh echo $HOME ${USER}\n\n' +
      '-- COMMAND ----------\n\n' +
      '-- MAGIC %md [other](${x}) <a href="$./Other">:y</a>'
    expect(namesIn(text)).toEqual([])
  })

  it('ignores ${...} in a DBTITLE', () => {
    const text = `${SQL}-- DBTITLE 1,Load \${table}\nSELECT 1`
    expect(namesIn(text)).toEqual([])
  })
})

describe('reads found in shapes of real exports', () => {
  const refs = (text: string, file = 'q.sql') =>
    findParameterReferences(parseNotebook(text, file)).map((r) => [
      r.name,
      r.form,
      r.hasDefault === true
    ])

  it("takes `value :event_id` for Databricks' JSON path, not a parameter", () => {
    expect(
      refs(
        `${SQL}select value :event_id, value /* c */ :kind, raw :[0]\nfrom events_raw where day = :day limit :n`
      )
    ).toEqual([
      ['day', 'marker', false],
      ['n', 'marker', false]
    ])
  })

  it('takes a marker after a keyword that opens an expression', () => {
    expect(
      refs(
        `${SQL}SELECT :a, CASE WHEN :b THEN :c ELSE :d END\nFROM t WHERE x IN (:e) AND :f OR NOT :g`
      ).map(([n]) => n)
    ).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
  })

  it('finds reads inside Python f-strings', () => {
    expect(
      refs(
        `${PY}name = f"{dbutils.widgets.get('job_name')}-x"\n` +
          `path = rf'{getArgument("root")}\\{x}'\n` +
          `text = f"{{dbutils.widgets.get('not_a_read')}}"\n`,
        'a.py'
      )
    ).toEqual([
      ['job_name', 'widget-get', false],
      ['root', 'get-argument', false]
    ])
  })

  it('finds reads inside Scala interpolated strings', () => {
    expect(
      refs(
        `// Databricks notebook source\nval t = s"\${dbutils.widgets.get("table")}_v2"\nval u = s"$$\{dbutils.widgets.get("escaped")}"\n`,
        'a.scala'
      )
    ).toEqual([['table', 'widget-get', false]])
  })

  it('marks a getArgument with a default, which cannot fail', () => {
    expect(
      refs(
        `${PY}out = getArgument("out_dir", "/tmp/out")\nx = getArgument( 'x' )\n`,
        'a.py'
      )
    ).toEqual([
      ['out_dir', 'get-argument', true],
      ['x', 'get-argument', false]
    ])
  })
})
