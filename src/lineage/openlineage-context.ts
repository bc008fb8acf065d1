import { datasetName } from './datasets.js'
import type { DatasetName, DatasetNamingOptions } from './datasets.js'
import { appendTo } from './order.js'
import type { Lineage, LineageStep, LineageTable } from './types.js'

/** `schemaURL` of the events: the core schema this module writes, 2-0-2. */
export const SPEC = 'https://openlineage.io/spec/2-0-2/OpenLineage.json'
const FACETS = 'https://openlineage.io/spec/facets'
/** `_schemaURL` of each facet we write, at the version of the fixture schemas. */
const FACET_SCHEMA = {
  jobType: `${FACETS}/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet`,
  lineage: `${FACETS}/1-0-0/LineageFacet.json#/$defs/LineageJobFacet`,
  sourceCodeLocation: `${FACETS}/1-1-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet`,
  parent: `${FACETS}/1-2-0/ParentRunFacet.json#/$defs/ParentRunFacet`,
  jobDependencies: `${FACETS}/1-0-1/JobDependenciesRunFacet.json#/$defs/JobDependenciesRunFacet`,
  errorMessage: `${FACETS}/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet`,
  schema: `${FACETS}/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet`,
  inputStatistics: `${FACETS}/1-0-0/InputStatisticsInputDatasetFacet.json#/$defs/InputStatisticsInputDatasetFacet`,
  outputStatistics: `${FACETS}/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet`
} as const

/** A facet: its own fields plus the two every facet carries. */
export type OpenLineageFacet = {
  readonly _producer: string
  readonly _schemaURL: string
} & Readonly<Record<string, unknown>>

/** An input or output dataset of an event. */
export interface OpenLineageDataset extends DatasetName {
  readonly facets?: Readonly<Record<string, OpenLineageFacet>>
  readonly inputFacets?: Readonly<Record<string, OpenLineageFacet>>
  readonly outputFacets?: Readonly<Record<string, OpenLineageFacet>>
}

/** An OpenLineage 2-0-2 `RunEvent` (with `run`) or `JobEvent` (without). */
export interface OpenLineageEvent {
  readonly eventType?: 'START' | 'COMPLETE' | 'FAIL' | 'ABORT'
  readonly eventTime: string
  readonly producer: string
  readonly schemaURL: string
  readonly run?: {
    readonly runId: string
    readonly facets?: Readonly<Record<string, OpenLineageFacet>>
  }
  readonly job: {
    readonly namespace: string
    readonly name: string
    readonly facets?: Readonly<Record<string, OpenLineageFacet>>
  }
  readonly inputs?: readonly OpenLineageDataset[]
  readonly outputs?: readonly OpenLineageDataset[]
}

/** Options of `buildOpenLineageEvents`. */
export interface OpenLineageOptions extends DatasetNamingOptions {
  /** Job namespace; by default `dtflw-<profile>`, one per environment as Airflow instances are. */
  readonly namespace?: string
  /** URI of the producer; by default the npm page of this tool's version. */
  readonly producer?: string
  /** Time of the declared-lineage JobEvents; by default the run's start, else now. */
  readonly now?: string
  /** `https://github.com/org/repo`: adds `sourceCodeLocation` at the run's git sha. */
  readonly repositoryUrl?: string
}

/** A facet name this module writes. */
export type FacetName = keyof typeof FACET_SCHEMA

/** What every event of one rendering shares. */
export interface EmitContext {
  readonly lineage: Lineage
  readonly options: OpenLineageOptions
  readonly producer: string
  readonly namespace: string
  facet(name: FacetName, body: Record<string, unknown>): OpenLineageFacet
  /** The dataset of a table version: from its location, else by logical name. */
  identify(table: LineageTable): DatasetName
  /** The first version of a logical name, for tables a report names. */
  tableNamed(name: string): LineageTable | undefined
  /** The tables a step declares it reads or writes. */
  declared(step: LineageStep, kind: 'read' | 'write'): readonly LineageTable[]
  jobName(stepKey: string): string
}

/** The shared part of a rendering, with the declared edges indexed by step. */
export function createEmitContext(
  lineage: Lineage,
  toolVersion: string | undefined,
  options: OpenLineageOptions
): EmitContext {
  const producer =
    options.producer ??
    'https://www.npmjs.com/package/create-dtflw-pipeline' +
      (toolVersion ? `/v/${toolVersion}` : '')
  const namespace = options.namespace ?? `dtflw-${lineage.profile}`
  const byId = new Map(lineage.tables.map((t) => [t.id, t]))
  const byName = new Map<string, LineageTable>()
  for (const t of lineage.tables) if (!byName.has(t.name)) byName.set(t.name, t)
  const reads = new Map<string, LineageTable[]>()
  const writes = new Map<string, LineageTable[]>()
  for (const e of lineage.edges) {
    if (!e.declared) continue
    const [map, step, table] =
      e.kind === 'read' ? [reads, e.to, e.from] : [writes, e.from, e.to]
    const t = byId.get(table)
    if (t) appendTo(map, step, t)
  }
  return {
    lineage,
    options,
    producer,
    namespace,
    facet: (name, body) => ({
      _producer: producer,
      _schemaURL: FACET_SCHEMA[name],
      ...body
    }),
    identify: (t) =>
      t.location
        ? datasetName(t.location, options)
        : { namespace, name: t.name },
    tableNamed: (name) => byName.get(name),
    declared: (step, kind) =>
      (kind === 'read' ? reads : writes).get(step.id) ?? [],
    jobName: (key) => `${lineage.pipeline}.${key}`
  }
}
