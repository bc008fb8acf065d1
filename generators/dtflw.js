// @ts-check
/**
 * The parts of dtflw the generators use, in one place: the built code under
 * `lib/` (the generators are plain JavaScript that ships without a build
 * step of its own), typed by the sources it was built from.
 */
import * as builtDiagnostics from '../lib/src/diagnostics/index.js'
import * as builtFlow from '../lib/src/flow/index.js'
import * as builtIo from '../lib/src/io/index.js'
import * as builtManifest from '../lib/src/manifest/index.js'

/** @type {typeof import('../src/diagnostics/index.js')} */
const diagnostics = /** @type {any} */ (builtDiagnostics)
/** @type {typeof import('../src/flow/index.js')} */
const flow = /** @type {any} */ (builtFlow)
/** @type {typeof import('../src/io/index.js')} */
const io = /** @type {any} */ (builtIo)
/** @type {typeof import('../src/manifest/index.js')} */
const manifest = /** @type {any} */ (builtManifest)

/** @typedef {import('../src/diagnostics/index.js').Diagnostic} Diagnostic */
/** @typedef {import('../src/manifest/index.js').Manifest} Manifest */
/** @typedef {import('../src/manifest/index.js').StepSpec} StepSpec */

export const {
  didYouMean,
  DtflwError,
  errorAt,
  formatLine,
  formatText,
  hasErrors,
  UsageError
} = diagnostics
export const { buildFlow } = flow
export const { writeFileAtomic } = io
export const { parseManifest } = manifest
