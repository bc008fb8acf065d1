import { lineOf, literalAt, maskCell } from './code-scan.js'
import { tokenizeSql } from './sql-lexer.js'
import type { SqlToken } from './sql-lexer.js'
import { splitSql } from './sql-statements.js'
import type { Cell, Notebook } from './types.js'

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

/**
 * A statement's tokens without spaces and comments, a number run into the
 * word after it taken as one name: Spark reads `1_Date_Begin` as one
 * identifier where the lexer sees `1` and `_Date_Begin`.
 */
function solidTokens(text: string): SqlToken[] {
  const out: SqlToken[] = []
  for (const t of tokenizeSql(text)) {
    if (!solid(t)) continue
    const last = out[out.length - 1]
    if (
      last &&
      (last.kind === 'number' || last.kind === 'word') &&
      (t.kind === 'word' || t.kind === 'number') &&
      last.start + last.text.length === t.start
    ) {
      out[out.length - 1] = { ...last, kind: 'word', text: last.text + t.text }
      continue
    }
    out.push(t)
  }
  return out
}

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
  const tokens = solidTokens(text)
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
 * does not run them (it reads their defaults with `findWidgetDefaults`),
 * and `validate` counts their defaults.
 */
export function isWidgetStatement(text: string): boolean {
  const [first, second] = solidTokens(text)
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
  const masked = maskCell(cell.kind, cell.source)
  if (!masked) return []
  const found: WidgetDefault[] = []
  // Matched in the code with comments blanked, and only where a call
  // starts outside a string: a declaration quoted in text is not one.
  for (const m of masked.code.matchAll(PYTHON_WIDGET)) {
    if (masked.bare.slice(m.index, m.index + 7) !== 'dbutils') continue
    found.push({
      name: m[2],
      value: m[4],
      line: fileLine(cell, lineOf(cell.source, m.index) + 1)
    })
  }
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

/** A widget declaration's name, in Python, Scala or R code. */
const DECLARE_CALL =
  /\bdbutils\s*\.\s*widgets\s*\.\s*(?:text|dropdown|combobox|multiselect)\s*\(\s*(?:name\s*=\s*)?(['"])/g

/**
 * The name of every widget the notebook declares, whatever its default
 * (a variable, an expression): a declared widget has a value when a flow
 * passes none, so reading it cannot fail for want of one.
 */
export function findWidgetDeclarations(notebook: Notebook): Set<string> {
  const names = new Set<string>()
  for (const cell of notebook.cells) {
    if (cell.kind === 'sql') {
      for (const statement of splitSql(cell.source)) {
        const name = declaredInSql(statement.text)
        if (name !== undefined) names.add(name)
      }
      continue
    }
    const masked = maskCell(cell.kind, cell.source)
    if (!masked) continue
    for (const m of masked.bare.matchAll(DECLARE_CALL)) {
      const name = literalAt(masked, m.index + m[0].length - 1)
      if (name !== undefined) names.add(name)
    }
  }
  return names
}

/** `CREATE WIDGET <kind> <name> …`, default or not. */
function declaredInSql(text: string): string | undefined {
  const tokens = solidTokens(text)
  if (keyword(tokens[0]) !== 'create' || keyword(tokens[1]) !== 'widget')
    return undefined
  if (!KINDS.has(keyword(tokens[2]))) return undefined
  return tokenValue(tokens[3])
}
