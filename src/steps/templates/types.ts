import type { Diagnostic } from '../../diagnostics/index.js'

/** The languages dtflw writes new notebooks in. */
export type Language = 'sql' | 'python'

/** Whether a template takes `--key`, and needs it. */
export type KeyUse = 'required' | 'optional' | 'none'

/** One notebook template of `dtflw add --template`. */
export interface EtlTemplate {
  readonly name: string
  /** One line, for `dtflw add --list-templates`. */
  readonly summary: string
  /** The first is the default. */
  readonly languages: readonly Language[]
  /** Whether it takes `--key`. */
  readonly key: KeyUse
  /** Whether it takes `--by` (and needs it). */
  readonly by: boolean
}

/** A notebook template as `dtflw add --list-templates` shows it. */
export interface NotebookTemplate {
  readonly name: string
  /** One line, for `dtflw add --list-templates`. */
  readonly summary: string
  readonly languages: string[]
}

/**
 * What a template knows of a column of the table it reads: its name, its
 * type (null when neither the manifest declares one nor dtflw could learn
 * it), and whether it holds numbers or dates, for the templates that sum
 * numbers and group by periods.
 */
export interface KnownColumn {
  readonly name: string
  readonly type: string | null
  readonly kind: 'number' | 'date' | 'text' | 'unknown'
}

/** Why dtflw could not learn the columns of a table, and what to do. */
export interface UnknownColumns {
  readonly why: string
  readonly fix: string
}

/**
 * What a template is told: the step, its tables, and what is known of the
 * columns of the tables it reads.
 */
export interface TemplateRequest {
  readonly step: string
  readonly inputs: readonly string[]
  readonly output: string
  readonly language: Language
  readonly key: readonly string[]
  readonly by: readonly string[]
  readonly columnsOf: (table: string) => readonly KnownColumn[] | undefined
  /** Why dtflw could not learn the columns of a table, when it tried. */
  readonly unknownWhy: (table: string) => UnknownColumns | undefined
}

/** The declared columns of a table a template writes: type, or null for any. */
export type DeclaredColumns = Record<string, string | null>

/** A table as the new step's manifest entry lists it. */
export type ListedTable =
  | string
  | { readonly name: string; readonly optional: true }
  | {
      readonly name: string
      /** The columns that identify a row, for the data diff. */
      readonly key?: string | readonly string[]
      readonly columns?: DeclaredColumns
    }

/**
 * A template applied: its file, the step's manifest fields, and the values
 * of its placeholders (all but `step` and `widgets`, filled last).
 */
export interface TemplatePlan {
  readonly file: string
  readonly inputs: readonly ListedTable[]
  readonly outputs: readonly ListedTable[]
  readonly args?: Readonly<Record<string, string>>
  readonly values: Readonly<Record<string, string>>
}

/** A refusal, with every problem found. */
export interface Refusal {
  readonly ok: false
  readonly diagnostics: Diagnostic[]
}

/** A template applied, or why it cannot be. */
export type Planned =
  { readonly ok: true; readonly plan: TemplatePlan } | Refusal
