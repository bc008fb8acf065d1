// What the local engine reads of a step's notebook: whether and how it runs
// here (SQL in DuckDB, Python in python3), checked for the whole plan before
// a run; the widget defaults it falls back on; where a line of it is, as
// messages name it.
export {
  duckdbSummary,
  errorLineIn,
  fileLine,
  linesBeforeCode,
  notebookPlace
} from './notebook-place.js'
export { preflight } from './preflight.js'
export { checkRunnable, planRunMode } from './runnable.js'
export type { RunMode, RunnableProblem } from './runnable.js'
export {
  applyWidgetDefaults,
  findWidgetDefaults,
  isWidgetStatement
} from './widget-defaults.js'
