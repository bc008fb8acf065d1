export type { Location } from './location.js'
export { formatLocation, formatLine } from './location.js'
export type { Diagnostic, Severity } from './diagnostic.js'
export {
  errorAt,
  warningAt,
  hasErrors,
  sortDiagnostics,
  dedupeDiagnostics
} from './diagnostic.js'
export { ExitCode, exitCodeOfSignal } from './exit-codes.js'
export {
  DtflwError,
  InvalidConfigError,
  UsageError,
  UnknownProfileError,
  PlatformError,
  RefusedError,
  InterruptedError,
  InternalError
} from './errors.js'
export { formatText, toJson, toAnnotation } from './format.js'
export type { AnnotationProperties } from './format.js'
export { suggest, didYouMean } from './suggest.js'
export { createMasker } from './mask.js'
export type { Masker } from './mask.js'
export { formatCount, plural } from './words.js'
export {
  boundTail,
  boundText,
  displayText,
  escapeControls,
  escapeText,
  guardJsonText,
  guardWorkflowCommands
} from './escape.js'
