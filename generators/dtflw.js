// @ts-check
/**
 * The parts of dtflw the generators use, in one place: the built code under
 * `lib/` (the generators are plain JavaScript that ships without a build
 * step of its own), typed by the sources it was built from.
 */
import * as builtCommands from '../lib/src/commands/index.js'
import * as builtDiagnostics from '../lib/src/diagnostics/index.js'
import * as builtFlow from '../lib/src/flow/index.js'
import * as builtIo from '../lib/src/io/index.js'
import * as builtManifest from '../lib/src/manifest/index.js'
import * as builtProfiles from '../lib/src/profiles/index.js'

/** @type {typeof import('../src/commands/index.js')} */
const commands = /** @type {any} */ (builtCommands)
/** @type {typeof import('../src/diagnostics/index.js')} */
const diagnostics = /** @type {any} */ (builtDiagnostics)
/** @type {typeof import('../src/flow/index.js')} */
const flow = /** @type {any} */ (builtFlow)
/** @type {typeof import('../src/io/index.js')} */
const io = /** @type {any} */ (builtIo)
/** @type {typeof import('../src/manifest/index.js')} */
const manifest = /** @type {any} */ (builtManifest)
/** @type {typeof import('../src/profiles/index.js')} */
const profiles = /** @type {any} */ (builtProfiles)

/** @typedef {import('../src/diagnostics/index.js').Diagnostic} Diagnostic */
/** @typedef {import('../src/manifest/index.js').Manifest} Manifest */
/** @typedef {import('../src/manifest/index.js').StepSpec} StepSpec */
/** @typedef {import('../src/profiles/index.js').ResolvedProfile} ResolvedProfile */

export const { createColumnLearner } = commands
export const {
  didYouMean,
  DtflwError,
  errorAt,
  formatLine,
  formatText,
  hasErrors,
  InvalidConfigError,
  UnknownProfileError,
  UsageError,
  warningAt
} = diagnostics
export const { buildFlow, planFlow } = flow
export const { writeFileAtomic } = io
export const { isValidStepKey, parseManifest, STEP_KEY_RULE } = manifest
export const { isSecretName, loadProfile } = profiles
