// @ts-check

/**
 * The notebook of a new step, in Databricks source format, reading its
 * parameters the way the contract passes them (`<input>_in`,
 * `<output>_out`): `dbutils.widgets.get("orders_in")` in Python,
 * `IDENTIFIER(:orders_in)` in SQL. It runs as written, on the local engine
 * and on Databricks: each output starts as a copy of the first input.
 */

import { ident, renderWidgets } from './widgets.js'

/** @typedef {'sql' | 'python'} Language */

/**
 * What a new notebook is made from.
 * @typedef {object} NotebookSketch
 * @property {string} key
 * @property {readonly string[]} inputs
 * @property {readonly string[]} outputs
 */

/**
 * The parameters the notebook's widgets declare, with their defaults, and
 * the profile those come from ('' when none could be read).
 * @typedef {object} WidgetValues
 * @property {Readonly<Record<string, string>>} parameters
 * @property {string} profile
 */

/** A table parameter's value is a catalog name, or a file location (path layout, file sources). */
export const PYTHON_TABLE_HELPERS = `def read_table(location):
    """A catalog table name, or a file: a CSV source or a path-layout table."""
    if "/" not in location:
        return spark.table(location)
    if location.endswith(".csv"):
        return spark.read.csv(location, header=True)
    return spark.read.parquet(location)


def write_table(df, location):
    """A catalog table name, or a path-layout location (Parquet)."""
    writer = df.write.mode("overwrite")
    if "/" in location:
        writer.parquet(location)
    else:
        writer.saveAsTable(location)`

/** @param {readonly string[]} names @param {string} suffix */
const params = (names, suffix) =>
  names.map((n) => `\`${n}_${suffix}\``).join(', ')

/** @param {NotebookSketch} sketch */
function summary(sketch) {
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

/**
 * Wraps prose into lines of at most `width` characters, `prefix` included.
 * @param {string} text @param {string} prefix @param {number} width
 */
function wrap(text, prefix, width = 80) {
  const lines = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(prefix + line)
  return lines
}

/** @param {NotebookSketch} sketch @param {WidgetValues} widgets */
function renderSql(sketch, widgets) {
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
    ...wrap(summary(sketch), '-- MAGIC '),
    '',
    '-- COMMAND ----------',
    '',
    renderWidgets('sql', widgets.parameters, widgets.profile),
    ...cells.flatMap((cell) => ['', '-- COMMAND ----------', '', cell]),
    ''
  ].join('\n')
}

/** @param {NotebookSketch} sketch @param {WidgetValues} widgets */
function renderPython(sketch, widgets) {
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
    ...wrap(summary(sketch), '# MAGIC '),
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

/**
 * The source of a new step's notebook.
 * @param {Language} language
 * @param {NotebookSketch} sketch
 * @param {WidgetValues} widgets
 */
export function renderNotebook(language, sketch, widgets) {
  return language === 'python'
    ? renderPython(sketch, widgets)
    : renderSql(sketch, widgets)
}

/** The file extension of a language. @param {Language} language */
export function extensionOf(language) {
  return language === 'python' ? '.py' : '.sql'
}
