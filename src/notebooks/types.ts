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

/** One cell, with its source decoded (no `# MAGIC` prefixes, no `%sql` line). */
export interface Cell {
  readonly index: number
  readonly kind: CellKind
  /** The cell's code or text, decoded. */
  readonly source: string
  /** The magic command that opened the cell (`%sql`, `%md`, `%run`, …), if any. */
  readonly magic?: string
  /** Text after the magic on its line (`./setup` for `%run ./setup`). */
  readonly magicArgs?: string
  readonly title?: string
  /** 1-based line in the file where the cell starts (source format). */
  readonly line: number
}

/** A Databricks notebook read from a repository file. */
export interface Notebook {
  /** Repository-relative path as given. */
  readonly path: string
  readonly format: 'source' | 'ipynb'
  readonly language: NotebookLanguage
  readonly cells: readonly Cell[]
}
