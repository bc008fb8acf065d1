import type { Location } from '../diagnostics/index.js'

/** A column the flow expects on an output; `type: null` checks presence only. */
export interface ColumnSpec {
  readonly name: string
  readonly type: string | null
}

/** A step's argument as written in the manifest (templates not yet filled). */
export interface ArgSpec {
  readonly name: string
  readonly value: string
  readonly location: Location
}

/** One input of a step, normalised from `orders` or `{ name: orders, … }`. */
export interface InputSpec {
  /** The name the notebook sees: the parameter is `<name>_in`. */
  readonly name: string
  /** Resolve by this table instead of `name` (dtflw's `source_table`). */
  readonly source?: string
  /** An explicit location; relative paths join the profile's table root. */
  readonly path?: string
  /** Missing upstream gives `""` instead of an error. */
  readonly optional: boolean
  readonly location: Location
}

/** One output of a step, normalised from `orders` or `{ name: orders, … }`. */
export interface OutputSpec {
  /** The name the notebook sees: the parameter is `<name>_out`. */
  readonly name: string
  /** The name later steps resolve it by; defaults to `name`. */
  readonly alias: string
  readonly path?: string
  readonly columns?: readonly ColumnSpec[]
  /** Strict column check: extra columns fail the step. */
  readonly strict: boolean
  /** The columns that identify a row (`key:`), for the data diff. */
  readonly key?: readonly string[]
  readonly location: Location
}

/** One entry of `flow:` in manifest order. */
export interface StepSpec {
  readonly index: number
  /** Task key: `key:` or the notebook's file name without extension. */
  readonly key: string
  readonly keyLocation: Location
  /** Repository-relative POSIX path of the notebook, with extension. */
  readonly notebook: string
  readonly notebookLocation: Location
  readonly args: readonly ArgSpec[]
  readonly inputs: readonly InputSpec[]
  readonly outputs: readonly OutputSpec[]
  readonly location: Location
}

/** A table the flow reads and never produces. */
export interface SourceSpec {
  readonly name: string
  readonly description?: string
  readonly location: Location
}

/** `dtflw.yaml`, parsed once into typed values with positions. */
export interface Manifest {
  /** The manifest path as shown in messages (relative to the working dir). */
  readonly file: string
  /** Absolute folder of the manifest: notebooks and profiles are under it. */
  readonly root: string
  readonly pipeline: string
  readonly promotion: readonly string[]
  readonly sources: readonly SourceSpec[]
  readonly flow: readonly StepSpec[]
  /** Folder of the profiles, relative to `root` (default `profiles`). */
  readonly profilesDir: string
}
