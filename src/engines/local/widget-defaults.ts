import type { Cell, Notebook } from '../../notebooks/index.js'
import { tokenizeSql } from '../../notebooks/index.js'
import type { SqlToken } from '../../notebooks/index.js'
import { splitSql } from './sql-params.js'

/** A widget a notebook declares, with the value it takes when nothing is passed. */
export interface WidgetDefault {
  readonly name: string
  readonly value: string
  /** The file line of the declaration. */
  readonly line: number
}

const KINDS = new Set(['text', 'dropdown', 'combobox', 'multiselect'])

/**
 * `dbutils.widgets.text("name", "default")` and its dropdown, combobox and
 * multiselect forms, with literal name and default (positional or
 * `defaultValue=`). A name or default built at run time is not known here;
 * the harness still honours it when the notebook runs.
 */
const PYTHON_WIDGET =
  /\bdbutils\s*\.\s*widgets\s*\.\s*(?:text|dropdown|combobox|multiselect)\s*\(\s*(?:name\s*=\s*)?(['"])((?:(?!\1)[^\\\n])*)\1\s*,\s*(?:defaultValue\s*=\s*)?(['"])((?:(?!\3)[^\\\n])*)\3/g

const solid = (t: SqlToken): boolean =>
  t.kind !== 'space' && t.kind !== 'comment'

const keyword = (t: SqlToken | undefined): string =>
  t?.kind === 'word' ? t.text.toLowerCase() : ''

/** A widget's name or default as written: a word, a number, or a quoted run. */
function tokenValue(t: SqlToken | undefined): string | undefined {
  if (!t) return undefined
  if (t.kind === 'word' || t.kind === 'number') return t.text
  if (['string', 'quoted', 'backtick'].includes(t.kind) && t.closed !== false)
    return t.value
  return undefined
}

/**
 * `CREATE WIDGET TEXT name DEFAULT 'value'` (any case; DROPDOWN, COMBOBOX
 * and MULTISELECT too, whose `CHOICES …` follow the default), as a default.
 */
function sqlWidget(text: string): { name: string; value: string } | undefined {
  const tokens = tokenizeSql(text).filter(solid)
  if (keyword(tokens[0]) !== 'create' || keyword(tokens[1]) !== 'widget')
    return undefined
  if (!KINDS.has(keyword(tokens[2]))) return undefined
  const name = tokenValue(tokens[3])
  if (name === undefined || keyword(tokens[4]) !== 'default') return undefined
  const value = tokenValue(tokens[5])
  return value === undefined ? undefined : { name, value }
}

/**
 * `CREATE WIDGET …` and `REMOVE WIDGET …`, comments before them allowed:
 * Databricks statements that mean nothing to DuckDB, so the local engine
 * does not run them (it reads their defaults with `findWidgetDefaults`).
 */
export function isWidgetStatement(text: string): boolean {
  const [first, second] = tokenizeSql(text).filter(solid)
  return (
    ['create', 'remove'].includes(keyword(first)) &&
    keyword(second) === 'widget'
  )
}

function fileLine(cell: Cell, sourceLine: number): number {
  return (cell.sourceLine ?? cell.line) + sourceLine - 1
}

function inSql(cell: Cell): WidgetDefault[] {
  return splitSql(cell.source).flatMap((statement) => {
    const widget = sqlWidget(statement.text)
    return widget ? [{ ...widget, line: fileLine(cell, statement.line) }] : []
  })
}

function inPython(cell: Cell): WidgetDefault[] {
  const found: WidgetDefault[] = []
  cell.source.split('\n').forEach((text, i) => {
    if (text.trimStart().startsWith('#')) return
    for (const m of text.matchAll(PYTHON_WIDGET)) {
      found.push({ name: m[2], value: m[4], line: fileLine(cell, i + 1) })
    }
  })
  return found
}

/**
 * Every widget the notebook declares with a literal default, in file
 * order, the first declaration of a name winning: SQL `CREATE WIDGET`
 * statements and Python `dbutils.widgets.text(…)` calls.
 */
export function findWidgetDefaults(notebook: Notebook): WidgetDefault[] {
  const seen = new Set<string>()
  const out: WidgetDefault[] = []
  for (const cell of notebook.cells) {
    const found =
      cell.kind === 'sql'
        ? inSql(cell)
        : cell.kind === 'python'
          ? inPython(cell)
          : []
    for (const widget of found) {
      if (seen.has(widget.name)) continue
      seen.add(widget.name)
      out.push(widget)
    }
  }
  return out
}

/**
 * What a notebook receives, as on Databricks: the parameters the flow
 * passes win; each declared widget the flow does not pass takes its
 * default. Returns the merged parameters and the defaults that applied.
 */
export function applyWidgetDefaults(
  passed: Readonly<Record<string, string>>,
  declared: readonly WidgetDefault[]
): { parameters: Record<string, string>; applied: WidgetDefault[] } {
  const applied = declared.filter(
    (w) => !Object.prototype.hasOwnProperty.call(passed, w.name)
  )
  const parameters: Record<string, string> = {}
  for (const w of applied) parameters[w.name] = w.value
  return { parameters: { ...parameters, ...passed }, applied }
}
