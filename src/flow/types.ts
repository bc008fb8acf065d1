import type { Location } from '../diagnostics/index.js'
import type { ColumnSpec } from '../manifest/index.js'
import type { EngineName } from '../profiles/index.js'

/** Why one step must run after another. */
export type EdgeKind = 'data' | 'write-after-write' | 'write-after-read'

/** `from` must finish before `to` starts. */
export interface Edge {
  readonly from: string
  readonly to: string
  readonly kind: EdgeKind
  /** The logical table the edge is about. */
  readonly table: string
}

/** An input after resolution: which step (if any) produced what it reads. */
export interface ResolvedInput {
  readonly name: string
  /** The logical table it resolves by (`source ?? name`). */
  readonly table: string
  /** Key of the latest earlier producer; undefined for a source or a miss. */
  readonly producer?: string
  /** Set when the table is a declared source of the flow. */
  readonly isSource: boolean
  readonly path?: string
  readonly optional: boolean
  readonly location: Location
}

/** An output as the flow publishes it. */
export interface ResolvedOutput {
  readonly name: string
  readonly alias: string
  readonly path?: string
  readonly columns?: readonly ColumnSpec[]
  readonly strict: boolean
  /** The columns that identify a row, for the data diff. */
  readonly key?: readonly string[]
  readonly location: Location
}

/** A step of the flow with its inputs resolved (profile-independent). */
export interface Step {
  readonly key: string
  readonly index: number
  readonly notebook: string
  readonly args: readonly {
    readonly name: string
    readonly value: string
    readonly location: Location
  }[]
  readonly inputs: readonly ResolvedInput[]
  readonly outputs: readonly ResolvedOutput[]
  readonly location: Location
}

/** The validated, immutable flow: steps in manifest order and data edges. */
export interface Flow {
  readonly pipeline: string
  readonly steps: readonly Step[]
  readonly sources: readonly string[]
  /** Data edges (producer → consumer), sorted. */
  readonly edges: readonly Edge[]
}

/** A physical place where a table lives. */
export type TableLocation =
  | { readonly kind: 'path'; readonly uri: string; readonly format: string }
  | {
      readonly kind: 'table'
      /** `catalog.schema.table` */
      readonly name: string
      readonly format?: string
    }

/** An input as the notebook will receive it. */
export interface PlannedInput {
  readonly name: string
  /** `<name>_in` */
  readonly param: string
  readonly table: string
  readonly producer?: string
  readonly isSource: boolean
  readonly optional: boolean
  /** Undefined only for an optional input that nothing provides (value `""`). */
  readonly location?: TableLocation
}

/** An output as the notebook will receive it. */
export interface PlannedOutput {
  readonly name: string
  readonly alias: string
  /** `<name>_out` */
  readonly param: string
  readonly location: TableLocation
  readonly columns?: readonly ColumnSpec[]
  readonly strict: boolean
  /** The columns that identify a row, for the data diff. */
  readonly key?: readonly string[]
}

/** A step resolved against one profile. */
export interface PlannedStep {
  readonly key: string
  readonly index: number
  readonly notebook: string
  readonly location: Location
  /** Arguments with templates filled. */
  readonly args: Readonly<Record<string, string>>
  readonly inputs: readonly PlannedInput[]
  readonly outputs: readonly PlannedOutput[]
  /** Exactly the string parameters the notebook receives, in a stable order. */
  readonly parameters: Readonly<Record<string, string>>
  /**
   * Names of the parameters whose value is secret (built from a secret
   * variable, or holding one of the profile's secret values), sorted: the
   * notebook gets them as they are, every output shows `***`.
   */
  readonly secretParameters: readonly string[]
  /** Keys of the steps this one waits for, sorted. */
  readonly dependsOn: readonly string[]
}

/** A source as resolved for one profile. */
export interface PlannedSource {
  readonly name: string
  readonly location?: TableLocation
  readonly options?: Readonly<Record<string, string>>
}

/** What will run, where, in which order: the one input of every engine. */
export interface Plan {
  readonly pipeline: string
  readonly profile: string
  readonly engine: EngineName
  /** Steps in manifest order. */
  readonly steps: readonly PlannedStep[]
  /** Data, write-after-write and write-after-read edges among planned steps, sorted. */
  readonly edges: readonly Edge[]
  /** Steps that can run together, level by level; keys sorted in a level. */
  readonly levels: readonly (readonly string[])[]
  /** The longest chain of dependent steps. */
  readonly criticalPath: readonly string[]
  readonly sources: readonly PlannedSource[]
  /** Keys of the manifest's steps left out by a selection (empty when none). */
  readonly excluded: readonly string[]
}
