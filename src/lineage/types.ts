import type { ColumnSpec } from '../manifest/index.js'
import type { TableLocation } from '../flow/index.js'
import type { RunStatus, StepStatus } from '../report/index.js'
import type { EngineName } from '../profiles/index.js'

/** A notebook step as the lineage shows it: declared, and observed when run. */
export interface LineageStep {
  /** `step:<key>`: stable across runs, derived from the step key. */
  readonly id: string
  readonly key: string
  readonly index: number
  readonly notebook: string
  readonly args: Readonly<Record<string, string>>
  /** Steps this one waits for (data, write-after-write, write-after-read), sorted. */
  readonly dependsOn: readonly string[]
  /** `fingerprintSteps` value, when the caller computed one. */
  readonly fingerprint?: string
  /** From a run report; absent when the lineage is declared only. */
  readonly status?: StepStatus
  readonly durationMs?: number
  readonly runUrl?: string
  readonly error?: string
}

/**
 * - `source`: read and never produced by the flow;
 * - `table`: produced by a step of the plan;
 * - `deferred`: produced by a step the selection left out, so read from
 *   wherever the plan resolved it (e.g. `--defer-to acceptance`);
 * - `undeclared`: seen only in the run report.
 */
export type LineageTableKind = 'source' | 'table' | 'deferred' | 'undeclared'

/**
 * One version of a logical table. dtflw lets a step rewrite a table an earlier
 * step produced; each producer's version is its own node, so the graph stays
 * acyclic. The first version met in manifest order keeps the bare name.
 */
export interface LineageTable {
  /** `table:<key>` */
  readonly id: string
  /** The logical name, or `name@producer` for a later version. */
  readonly key: string
  /** The logical name. */
  readonly name: string
  readonly kind: LineageTableKind
  /** Key of the step that writes this version. */
  readonly producer?: string
  /** Where this version lives under the plan's profile. */
  readonly location?: TableLocation
  readonly columns?: readonly ColumnSpec[]
  /** Rows written (or, for a source, read) where the engine knows. */
  readonly rows?: number
}

/** `read`: table → step. `write`: step → table. */
export type LineageEdgeKind = 'read' | 'write'

/** An edge between a table node and a step node. */
export interface LineageEdge {
  readonly from: string
  readonly to: string
  readonly kind: LineageEdgeKind
  /** In the plan (the manifest declared it). */
  readonly declared: boolean
  /** In the run report; absent when there is no report or it cannot tell. */
  readonly observed?: boolean
}

/**
 * What the run shows that the declaration does not, or the reverse.
 * - `declared-not-written`: a step succeeded without writing a declared output;
 * - `written-not-declared`: a step wrote a table it does not declare;
 * - `read-not-declared`: a step read a table it does not declare;
 * - `not-run`: a planned step was skipped, cancelled, or never reached;
 * - `not-planned`: the report has a step the plan does not.
 */
export type LineageFlagKind =
  | 'declared-not-written'
  | 'written-not-declared'
  | 'read-not-declared'
  | 'not-run'
  | 'not-planned'

/** One difference between declared and observed lineage. */
export interface LineageFlag {
  readonly kind: LineageFlagKind
  readonly step: string
  readonly table?: string
  readonly message: string
}

/** The run a lineage was observed in. */
export interface LineageRun {
  readonly runId: string
  readonly status: RunStatus
  readonly startedAt: string
  readonly finishedAt: string
  readonly durationMs: number
  readonly gitSha?: string
}

/**
 * Declared lineage of a plan, merged with what a run observed. Steps are in
 * manifest order, tables sorted by key, edges by (from, to), flags by step
 * order: the same inputs always give the same bytes.
 */
export interface Lineage {
  readonly schemaVersion: 1
  readonly pipeline: string
  readonly profile: string
  readonly engine: EngineName
  readonly steps: readonly LineageStep[]
  readonly tables: readonly LineageTable[]
  readonly edges: readonly LineageEdge[]
  readonly flags: readonly LineageFlag[]
  /** Steps a selection left out of the plan, sorted. */
  readonly excluded: readonly string[]
  readonly run?: LineageRun
}

/** Added, removed and changed keys of one kind of node, each sorted. */
export interface NodeChanges {
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly changed: readonly string[]
}

/** An edge that is in one lineage and not the other. */
export interface DiffEdge {
  readonly from: string
  readonly to: string
  readonly kind: LineageEdgeKind
  /** Both ends exist on both sides: a dependency was rewired, not a node added or removed. */
  readonly rewired: boolean
}

/**
 * Head against base. Keys are step keys and table keys; impacted nodes are
 * downstream (in head) of what changed, excluding the changed nodes themselves.
 */
export interface LineageDiff {
  readonly steps: NodeChanges
  readonly tables: NodeChanges
  readonly edges: {
    readonly added: readonly DiffEdge[]
    readonly removed: readonly DiffEdge[]
  }
  readonly impacted: {
    readonly steps: readonly string[]
    readonly tables: readonly string[]
  }
  /** Nodes only in base, so a renderer can still draw them. */
  readonly removedNodes: {
    readonly steps: readonly LineageStep[]
    readonly tables: readonly LineageTable[]
  }
}
