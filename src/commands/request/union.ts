import type { COMMAND_SPECS, CommandName } from './commands.js'
import type { OPTION_SPECS, OptionField } from './options.js'

// The request of each command is derived from its row of COMMAND_SPECS and
// the option specs, so the tables and the types cannot drift apart.

type Options = typeof OPTION_SPECS
type Commands = typeof COMMAND_SPECS

/** A value of each option kind, as an entry point hands it over. */
interface KindValues {
  readonly text: string
  readonly flag: boolean
  readonly list: readonly string[]
  readonly count: number
  readonly choice: string
}

/** A field's value before the checks: a choice is still any text. */
export type DraftValue<F extends OptionField> = KindValues[Options[F]['kind']]

/** A field's value in a checked request: a choice is one of its choices. */
type RequestValue<F extends OptionField> = Options[F] extends {
  readonly choices: readonly (infer C)[]
}
  ? C
  : DraftValue<F>

/** What every request holds: the command, and where its pipeline is. */
interface RequestBase<C extends CommandName> {
  readonly command: C
  readonly cwd: string
  /**
   * Manifest path, relative to `cwd`; when absent, `dtflw.yaml` is looked
   * for in `cwd` and the folders above it.
   */
  readonly manifest?: string
}

type Needed<C extends CommandName> = Commands[C]['needs'][number]
type Optional<C extends CommandName> =
  | Commands[C]['takes'][number]
  | (Commands[C] extends {
      readonly sets: readonly (infer F extends OptionField)[]
    }
      ? F
      : never)

/** One object type instead of an intersection, for readable hovers. */
type Flat<T> = { [K in keyof T]: T[K] } & {}

/** The request of one command: the fields its row of COMMAND_SPECS names. */
type RequestOf<C extends CommandName> = Flat<
  RequestBase<C> & { readonly [F in Needed<C>]: RequestValue<F> } & {
    readonly [F in Optional<C>]?: RequestValue<F>
  }
>

/** `cleanup` is given exactly one of `--preview` and `--stale`. */
export type CleanupRequest = RequestOf<'cleanup'> &
  (
    | { readonly preview: string; readonly stale?: undefined }
    | { readonly stale: string; readonly preview?: undefined }
  )

type DerivedRequests = { readonly [C in CommandName]: RequestOf<C> }

/** The request of each command, by name. */
export interface RequestMap extends DerivedRequests {
  readonly cleanup: CleanupRequest
}

/**
 * One checked request, built by the CLI from argv or by the Action from
 * its inputs: a union with one member per command, each holding only the
 * options its command takes. Below this point nothing reads
 * `process.env`, argv or Action inputs.
 */
export type CommandRequest = RequestMap[CommandName]

/**
 * A request as an entry point assembled it, before `buildRequest` checks
 * it: any field of any command, a choice still any text.
 */
export type RequestDraft = RequestBase<CommandName> & {
  readonly [F in OptionField]?: DraftValue<F>
}

/** A request after `dtflw.yaml` was found: what every command receives. */
export type Located<R> = R & { readonly manifest: string }

/** `dtflw validate`'s request. */
export type ValidateRequest = RequestMap['validate']
/** `dtflw plan`'s request. */
export type PlanRequest = RequestMap['plan']
/** `dtflw explain`'s request. */
export type ExplainRequest = RequestMap['explain']
/** `dtflw deploy`'s request. */
export type DeployRequest = RequestMap['deploy']
/** `dtflw run`'s request. */
export type RunRequest = RequestMap['run']
/** `dtflw cancel`'s request. */
export type CancelRequest = RequestMap['cancel']
/** `dtflw promote`'s request. */
export type PromoteRequest = RequestMap['promote']
/** `dtflw add`'s request. */
export type AddRequest = RequestMap['add']
/** `dtflw widgets`'s request. */
export type WidgetsRequest = RequestMap['widgets']
/** `dtflw lineage`'s request. */
export type LineageRequest = RequestMap['lineage']
