import type { Cell, Notebook } from '../../../notebooks/index.js'

/** How the local engine runs a notebook: in DuckDB, or with python3. */
export type RunMode = 'sql' | 'python'

/** Why the local engine cannot run a notebook, with the place to look. */
export interface RunnableProblem {
  readonly notebook: string
  /** 1-based line in the notebook file (1 for the notebook as a whole). */
  readonly line: number
  /** Index of the offending cell, when it is one cell. */
  readonly cell?: number
  readonly message: string
}

const ENGINES = 'the local engine runs SQL in DuckDB and Python with python3'

/** What to say about a cell kind the local engine does not run. */
function refuse(cell: Cell): string | undefined {
  const magic = cell.magic ?? `%${cell.kind}`
  switch (cell.kind) {
    case 'python':
    case 'sql':
    case 'markdown':
      return undefined
    case 'scala':
    case 'r':
      return `a ${magic} cell cannot run locally (${ENGINES}); rewrite it in Python or SQL, or run this flow with a Databricks profile`
    case 'pip':
      return `a %pip cell cannot run locally: the local engine does not install packages; install them into python3 yourself (${cell.magicArgs ? `pip ${cell.magicArgs}` : 'pip install …'}) and move the %pip cell out of the notebook, or run with a Databricks profile`
    case 'run':
      return `a %run cell (${cell.magicArgs ?? (cell.source.trim().split('\n')[0] || 'no target')}) cannot run locally: the local engine does not inline notebooks; make that notebook a step of the flow, or import a Python module instead`
    case 'shell':
    case 'fs':
      return `a ${magic} cell cannot run locally: it acts on a Databricks driver or DBFS; move it out of the notebook or run with a Databricks profile`
    default:
      return `the magic ${magic} cannot run locally (${ENGINES}); remove it or run with a Databricks profile`
  }
}

/**
 * Every reason the local engine cannot run this notebook, before anything
 * runs: a Scala or R notebook, or a cell of a kind it does not execute
 * (`%scala`, `%r`, `%pip`, `%run`, `%sh`, `%fs`, unknown magics). Markdown
 * cells are ignored. Empty when the notebook can run.
 */
export function checkRunnable(notebook: Notebook): RunnableProblem[] {
  if (notebook.language === 'scala' || notebook.language === 'r') {
    const name = notebook.language === 'r' ? 'R' : 'Scala'
    return [
      {
        notebook: notebook.path,
        line: 1,
        message: `${notebook.path}: ${name} notebooks cannot run locally (${ENGINES}); run this flow with a Databricks profile, or rewrite the notebook in Python or SQL.`
      }
    ]
  }
  const problems: RunnableProblem[] = []
  for (const cell of notebook.cells) {
    const why = refuse(cell)
    if (!why) continue
    problems.push({
      notebook: notebook.path,
      line: cell.line,
      cell: cell.index,
      message: `${notebook.path}:${cell.line}: ${why}.`
    })
  }
  return problems
}

/**
 * SQL when every executable cell is SQL (a SQL notebook, or a Python
 * notebook made of `%sql` and markdown cells): it then runs in DuckDB in
 * process. Any Python cell makes it a python3 run.
 */
export function planRunMode(notebook: Notebook): RunMode {
  return notebook.cells.some((cell) => cell.kind === 'python')
    ? 'python'
    : 'sql'
}
