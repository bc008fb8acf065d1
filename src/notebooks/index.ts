export type { Cell, CellKind, Notebook, NotebookLanguage } from './types.js'
export { detectNotebook } from './detect.js'
export type { NotebookProblem } from './detect.js'
export { parseNotebook } from './parse.js'
export { readNotebook } from './read.js'
export {
  NotANotebookError,
  MissingNotebookError,
  UnreadableNotebookError
} from './errors.js'
export { findParameterReferences } from './parameters.js'
export type { ParameterForm, ParameterReference } from './parameters.js'
export { findRunTargets } from './run-targets.js'
export type { RunTarget } from './run-targets.js'
export { findExitCalls, hasExit } from './exit-calls.js'
export type { ExitCall } from './exit-calls.js'
export { tokenizeSql } from './sql-lexer.js'
export type { SqlToken, SqlTokenKind } from './sql-lexer.js'
export { splitSql } from './sql-statements.js'
export type { SqlStatement } from './sql-statements.js'
export {
  findWidgetDeclarations,
  findWidgetDefaults,
  isWidgetStatement
} from './widgets.js'
export type { WidgetDefault } from './widgets.js'
export {
  NOTEBOOK_EXTENSIONS_TEXT,
  hasNotebookExtension,
  withoutNotebookExtension,
  runTargetCandidates
} from './extensions.js'
