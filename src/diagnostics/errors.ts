import type { Diagnostic } from './diagnostic.js'
import { errorAt } from './diagnostic.js'
import { ExitCode, exitCodeOfSignal } from './exit-codes.js'
import type { Location } from './location.js'
import { didYouMean } from './suggest.js'

/**
 * The closed family of errors a command may end with. Each carries its exit
 * code and the diagnostics to show; only `InternalError` ever shows a stack,
 * and only with `--debug`.
 */
export abstract class DtflwError extends Error {
  abstract readonly exitCode: ExitCode
  abstract readonly diagnostics: readonly Diagnostic[]
}

/** The manifest or a profile breaks one or more rules (exit 2). */
export class InvalidConfigError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.summary).join('\n'))
    this.name = 'InvalidConfigError'
  }
}

/** The command line asks for something that cannot be done (exit 2). */
export class UsageError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  readonly diagnostics: readonly Diagnostic[]
  constructor(message: string, location?: Location) {
    super(message)
    this.name = 'UsageError'
    this.diagnostics = [errorAt('usage', message, location)]
  }
}

/** A profile was asked for that no file defines (exit 2). */
export class UnknownProfileError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  readonly diagnostics: readonly Diagnostic[]
  constructor(
    readonly profile: string,
    readonly available: readonly string[],
    readonly directory: string
  ) {
    const list = available.length > 0 ? available.join(', ') : '(none)'
    const near = didYouMean(profile, available)
    const message = `profile "${profile}" does not exist in ${directory}/;${near || ` the profiles are: ${list}.`}`
    super(message)
    this.name = 'UnknownProfileError'
    this.diagnostics = [errorAt('unknown-profile', message)]
  }
}

/** The platform (auth, network, API) failed us (exit 3). */
export class PlatformError extends DtflwError {
  readonly exitCode = ExitCode.Platform
  readonly diagnostics: readonly Diagnostic[]
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PlatformError'
    this.diagnostics = [errorAt('platform', message)]
  }
}

/** A gate or lock refused the operation (exit 4). */
export class RefusedError extends DtflwError {
  readonly exitCode = ExitCode.Refused
  readonly diagnostics: readonly Diagnostic[]
  constructor(message: string) {
    super(message)
    this.name = 'RefusedError'
    this.diagnostics = [errorAt('refused', message)]
  }
}

/**
 * The command was stopped from outside (Ctrl-C, SIGTERM, a cancelled job)
 * and cleaned up after itself: exit 130, or 143 for SIGTERM.
 */
export class InterruptedError extends DtflwError {
  readonly exitCode: ExitCode
  readonly diagnostics: readonly Diagnostic[]
  constructor(
    /** The abort reason: `SIGINT`, `SIGTERM`, `timeout`. */
    readonly reason: string,
    message: string
  ) {
    super(message)
    this.name = 'InterruptedError'
    this.exitCode = exitCodeOfSignal(reason)
    this.diagnostics = [errorAt('interrupted', message)]
  }
}

/** A bug in dtflw itself. The only error that shows a stack (with --debug). */
export class InternalError extends DtflwError {
  readonly exitCode = ExitCode.Internal
  readonly diagnostics: readonly Diagnostic[]
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InternalError'
    this.diagnostics = [
      errorAt(
        'internal',
        `internal error: ${message}. This is a bug in dtflw; please report it with the output of --debug.`
      )
    ]
  }
}
