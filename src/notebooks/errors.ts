import {
  DtflwError,
  ExitCode,
  errorAt,
  type Diagnostic
} from '../diagnostics/index.js'
import type { UnreadableFileError } from '../io/index.js'
import type { NotebookProblem } from './detect.js'

/** A step points at a file that is not a Databricks notebook (exit 2). */
export class NotANotebookError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  readonly diagnostics: readonly Diagnostic[]
  /** The header line the extension asks for, when there is one. */
  readonly expectedHeader?: string
  constructor(
    readonly file: string,
    problem: NotebookProblem
  ) {
    const message = `${file} is not a Databricks notebook: ${problem.reason}; ${problem.advice}.`
    super(message)
    this.name = 'NotANotebookError'
    this.expectedHeader = problem.expectedHeader
    this.diagnostics = [
      errorAt('not-a-notebook', message, { file, line: 1, column: 1 })
    ]
  }
}

/** A step points at a notebook file that does not exist (exit 2). */
export class MissingNotebookError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  readonly diagnostics: readonly Diagnostic[]
  constructor(readonly file: string) {
    const message = `notebook ${file} does not exist; check the path and its extension.`
    super(message)
    this.name = 'MissingNotebookError'
    this.diagnostics = [errorAt('missing-notebook', message)]
  }
}

/**
 * A step's notebook exists but cannot be read as text: a folder, a named
 * pipe, not readable, not UTF-8 (exit 2). The diagnostic is the file
 * reader's, which says what the path is.
 */
export class UnreadableNotebookError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  readonly diagnostics: readonly Diagnostic[]
  constructor(
    readonly file: string,
    cause: UnreadableFileError
  ) {
    const message = `notebook ${cause.message}`
    super(message, { cause })
    this.name = 'UnreadableNotebookError'
    const d = cause.diagnostics[0]
    this.diagnostics = [
      errorAt(
        d.code === 'invalid-utf8' ? 'invalid-utf8' : 'notebook-not-a-file',
        message,
        d.location
      )
    ]
  }
}
