import type { Location } from '../diagnostics/index.js'
import type { Evaluated, TemplateSite } from './template-eval.js'

/** Where a flow runs. */
export type EngineName = 'local' | 'databricks'

/** How logical table names become physical locations. */
export type TablesConfig =
  | {
      readonly layout: 'path'
      /** `dbfs:/…`, `abfss://…`, `wasbs://…`, `s3://…`, `/Volumes/…` or a local folder. */
      readonly root: string
      readonly format: string
    }
  | {
      readonly layout: 'catalog'
      readonly catalog: string
      readonly schema: string
      readonly format?: string
    }

/** Where a source lives in one environment. */
export type SourceLocationConfig =
  | {
      readonly path: string
      readonly format: string
      readonly options?: Readonly<Record<string, string>>
    }
  | { readonly table: string }

/** A resolved leaf with the places that set it, winner first. */
export interface ProvenancedValue {
  /** Dotted path, e.g. `tables.root`. */
  readonly path: string
  readonly value: unknown
  /** The location of the winning definition first, then what it overrode. */
  readonly from: readonly Location[]
  /** Environment variables the value was built from (for masking and fingerprints). */
  readonly env: readonly string[]
  /** True when the value came from a secret variable (by its name, or listed under `secrets:`). */
  readonly secret: boolean
  /** The text as written, when it held `${…}`, e.g. `${DATABRICKS_HOST}`. */
  readonly written?: string
  /**
   * Set when no file wrote the value (`from` is empty): `default`, or how it
   * was inferred, e.g. `inferred from .csv`.
   */
  readonly origin?: string
  /** A `${…}` left as written because it was loaded with `allowUnsetEnv`. */
  readonly unresolved?: boolean
}

/** One profile after `extends`, merge and `${…}` interpolation. */
export interface ResolvedProfile {
  readonly name: string
  /** Profile files in merge order (parents first), relative to the repo root. */
  readonly files: readonly string[]
  readonly engine: EngineName
  readonly variables: Readonly<Record<string, string>>
  readonly tables: TablesConfig
  readonly sources: Readonly<Record<string, SourceLocationConfig>>
  /** The whole resolved document as plain data (workspace, compute, …). */
  readonly values: Readonly<Record<string, unknown>>
  /** Every leaf with its provenance, sorted by path (for `explain`). */
  readonly leaves: readonly ProvenancedValue[]
  /**
   * Every secret string this profile knows, longest first: what output
   * masking replaces with `***`. The values of environment variables whose
   * names look secret or are listed under `secrets:`, every value of
   * `.env`, and what the profile's values were built from them.
   */
  readonly secretValues: readonly string[]
  /**
   * Fills the `${…}` of a text outside the profile, a step's argument, with
   * the evaluator and the context of the profile's own values.
   */
  expand(text: string, site: TemplateSite): Evaluated
  /** Locations of top-level keys and leaves, for messages about this profile. */
  locate(path: string): Location | undefined
}

/** What `${…}` may refer to besides variables: filled at the edge. */
export interface TemplateContext {
  readonly env: Readonly<Record<string, string | undefined>>
  /**
   * The repository's `.env` as read. `.env` is where secrets live on a
   * laptop: every value in it is secret, whatever its name.
   */
  readonly dotenv?: Readonly<Record<string, string>>
  readonly pipeline: string
  readonly gitSha?: string
  readonly preview?: string
}
