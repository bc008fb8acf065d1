import { PYTHON_TABLE_HELPERS, wrapWords } from './templates/index.js'
import type { Language } from './templates/index.js'
import { ident, renderWidgets } from './widgets.js'

/**
 * The notebook of a new step, in Databricks source format, reading its
 * parameters the way the contract passes them (`<input>_in`,
 * `<output>_out`): `dbutils.widgets.get("orders_in")` in Python,
 * `IDENTIFIER(:orders_in)` in SQL. It runs as written, on the local engine
 * and on Databricks: each output starts as a copy of the first input.
 */

/** What a new notebook is made from. */
export interface NotebookSketch {
  readonly key: string
  readonly inputs: readonly string[]
  readonly outputs: readonly string[]
}

/**
 * The parameters the notebook's widgets declare, with their defaults, and
 * the profile those come from ('' when none could be read).
 */
export interface WidgetValues {
  readonly parameters: Readonly<Record<string, string>>
  readonly profile: string
}

function params(names: readonly string[], suffix: string): string {
  return names.map((n) => `\`${n}_${suffix}\``).join(', ')
}

function summary(sketch: NotebookSketch): string {
  const reads =
    sketch.inputs.length > 0
      ? `Reads ${params(sketch.inputs, 'in')}`
      : 'Reads no table'
  const writes =
    sketch.outputs.length > 0
      ? `writes ${params(sketch.outputs, 'out')}`
      : 'writes no table'
  return `${reads}; ${writes}. dtflw sets each parameter: a file on your laptop, a table or storage path on Databricks.`
}

function renderSql(sketch: NotebookSketch, widgets: WidgetValues): string {
  const [first, ...others] = sketch.inputs
  const from = first
    ? `SELECT * FROM IDENTIFIER(:${first}_in)`
    : 'SELECT 1 AS id'
  const cells = sketch.outputs.map((out) =>
    [
      `CREATE OR REPLACE TABLE IDENTIFIER(:${out}_out) AS`,
      from,
      ...others.map((o) => `-- JOIN IDENTIFIER(:${o}_in) AS ${ident(o)} ON …`)
    ].join('\n')
  )
  return [
    '-- Databricks notebook source',
    '-- MAGIC %md',
    `-- MAGIC # ${sketch.key}`,
    ...wrapWords(summary(sketch).split(' '), '-- MAGIC '),
    '',
    '-- COMMAND ----------',
    '',
    renderWidgets('sql', widgets.parameters, widgets.profile),
    ...cells.flatMap((cell) => ['', '-- COMMAND ----------', '', cell]),
    ''
  ].join('\n')
}

function renderPython(sketch: NotebookSketch, widgets: WidgetValues): string {
  const [first] = sketch.inputs
  const source = first
    ? `read_table(${ident(first)}_in)`
    : 'spark.sql("SELECT 1 AS id")'
  const body = [
    `df = ${source}`,
    ...sketch.outputs.map((n) => `write_table(df, ${ident(n)}_out)`)
  ]
  return [
    '# Databricks notebook source',
    '# MAGIC %md',
    `# MAGIC # ${sketch.key}`,
    ...wrapWords(summary(sketch).split(' '), '# MAGIC '),
    '',
    '# COMMAND ----------',
    '',
    renderWidgets('python', widgets.parameters, widgets.profile),
    '',
    '# COMMAND ----------',
    '',
    '',
    PYTHON_TABLE_HELPERS,
    '',
    '',
    '# COMMAND ----------',
    '',
    ...body,
    ''
  ].join('\n')
}

/** The source of a new step's notebook. */
export function renderNotebook(
  language: Language,
  sketch: NotebookSketch,
  widgets: WidgetValues
): string {
  return language === 'python'
    ? renderPython(sketch, widgets)
    : renderSql(sketch, widgets)
}

/** The file extension of a language. */
export function extensionOf(language: Language): string {
  return language === 'python' ? '.py' : '.sql'
}
