import type { Diagnostic } from '../diagnostics/index.js'

/** The language a notebook is written in (its default cell language). */
export type NotebookLanguage = 'python' | 'sql' | 'scala' | 'r'

/** What a cell holds: a language, or a magic command kind. */
export type CellKind =
  | 'python'
  | 'sql'
  | 'scala'
  | 'r'
  | 'markdown'
  | 'run'
  | 'shell'
  | 'fs'
  | 'pip'
  | 'other'

/** One cell, its source decoded (no `# MAGIC` prefixes, no `%sql` line). */
export interface Cell {
  /**
   * Position in `Notebook.cells`, from 0. Fully empty cells are dropped when
   * reading, so this counts the cells that hold something.
   */
  readonly index: number
  readonly kind: CellKind
  /**
   * The cell's code or text, decoded. Text on the magic's own line
   * (`%sql SELECT 1`, `%md ## Title`) is kept as the first line.
   */
  readonly source: string
  /** The magic that opened the cell (`%sql`, `%md`, `%run`, …), if any. */
  readonly magic?: string
  /** Text after the magic on its line (`./setup` for `%run ./setup`). */
  readonly magicArgs?: string
  readonly title?: string
  /** `DBTITLE 1,` or ipynb `showTitle`: whether the UI shows the title. */
  readonly showTitle?: boolean
  /**
   * 1-based line in the file where the cell starts (its `DBTITLE` line, if
   * any). In an `.ipynb`, the line of the cell's `"cell_type"` key when the
   * JSON is pretty-printed, else 1.
   */
  readonly line: number
  /** 1-based file line of the first line of `source` (source format only). */
  readonly sourceLine?: number
}

/** A Databricks notebook read from a repository file. */
export interface Notebook {
  /** Repository-relative path as given. */
  readonly path: string
  readonly format: 'source' | 'ipynb'
  readonly language: NotebookLanguage
  readonly cells: readonly Cell[]
  /**
   * The body of the `# /// script` serverless environment block that may
   * follow the header (TOML, comment leaders removed).
   */
  readonly environment?: string
  /** Lines that look hand-broken (`#COMMAND ----------`), for lint to show. */
  readonly warnings?: readonly Diagnostic[]
}
