import type { TableLocation } from '../flow/index.js'
import type {
  DataDiff,
  RunReport,
  StepResult,
  TableAccess
} from '../report/index.js'
import { datasetName } from './datasets.js'
import type { DatasetName } from './datasets.js'
import { SPEC } from './openlineage-context.js'
import type {
  EmitContext,
  OpenLineageDataset,
  OpenLineageEvent,
  OpenLineageFacet
} from './openlineage-context.js'
import { compareText } from './order.js'
import { nameUuid } from './uuid.js'

const FIRST = 0
const LAST = Number.MAX_SAFE_INTEGER

/**
 * RunEvents of a report: START and end of the pipeline run, and of each step
 * that started, the step runs children of the pipeline run (`parent`). The
 * end event carries what the step read and wrote, with row counts.
 */
export function runEvents(
  ctx: EmitContext,
  report: RunReport
): OpenLineageEvent[] {
  const { lineage, namespace, producer, facet } = ctx
  const runId = nameUuid(report.runId)
  const pipelineJob = { namespace, name: lineage.pipeline }
  const stepRunId = (key: string) => nameUuid(`${report.runId}/${key}`)
  const results = new Map(report.steps.map((r) => [r.key, r]))
  const started = new Set(
    report.steps.filter((r) => r.startedAt && terminalType(r)).map((r) => r.key)
  )
  const access = (a: TableAccess): DatasetName => {
    const location: TableLocation | undefined =
      a.location ?? ctx.tableNamed(a.table)?.location
    return location
      ? datasetName(location, ctx.options)
      : { namespace, name: a.table }
  }
  const event = (
    eventType: NonNullable<OpenLineageEvent['eventType']>,
    eventTime: string,
    rest: Pick<OpenLineageEvent, 'run' | 'job' | 'inputs' | 'outputs'>
  ): OpenLineageEvent => ({
    eventType,
    eventTime,
    producer,
    schemaURL: `${SPEC}#/$defs/RunEvent`,
    ...rest
  })
  const timed: { event: OpenLineageEvent; order: number }[] = [
    {
      event: event('START', report.startedAt, {
        run: { runId },
        job: pipelineJob
      }),
      order: FIRST
    }
  ]

  for (const step of lineage.steps) {
    const result = results.get(step.key)
    const end = result && terminalType(result)
    // A run is a START and an end; a step that never started has neither.
    if (!result?.startedAt || !end) continue
    const upstream = step.dependsOn.map((dep) => ({
      job: { namespace, name: ctx.jobName(dep) },
      ...(started.has(dep) && { run: { runId: stepRunId(dep) } }),
      dependency_type: 'DIRECT_INVOCATION',
      sequence_trigger_rule: 'FINISH_TO_START',
      status_trigger_rule: 'EXECUTE_ON_SUCCESS'
    }))
    const run = (extra: Record<string, OpenLineageFacet>) => ({
      runId: stepRunId(step.key),
      facets: {
        parent: facet('parent', {
          job: pipelineJob,
          run: { runId },
          root: { job: pipelineJob, run: { runId } }
        }),
        ...extra
      }
    })
    const job = { namespace, name: ctx.jobName(step.key) }
    const dependencies: Record<string, OpenLineageFacet> =
      upstream.length > 0
        ? { jobDependencies: facet('jobDependencies', { upstream }) }
        : {}
    const error: Record<string, OpenLineageFacet> =
      result.error && end === 'FAIL'
        ? {
            errorMessage: facet('errorMessage', {
              message: result.error.message,
              programmingLanguage: language(step.notebook),
              ...(result.error.detail !== undefined && {
                stackTrace: result.error.detail
              })
            })
          }
        : {}
    timed.push(
      {
        event: event('START', result.startedAt, {
          run: run(dependencies),
          job
        }),
        order: 1 + step.index * 2
      },
      {
        event: event(end, result.finishedAt ?? report.finishedAt, {
          run: run(error),
          job,
          // With no reads reported the engine could not see them: fall back
          // to the declared inputs, so consumers still link the run upstream.
          inputs:
            result.reads.length > 0
              ? result.reads.map((a) =>
                  withStatistics(ctx, access(a), a.rows, 'input')
                )
              : ctx.declared(step, 'read').map(ctx.identify),
          outputs: result.writes.map((a) =>
            withDataDiff(
              ctx,
              withStatistics(ctx, access(a), a.rows, 'output'),
              report.dataDiff,
              a.table
            )
          )
        }),
        order: 2 + step.index * 2
      }
    )
  }
  const outcome =
    report.status === 'succeeded'
      ? 'COMPLETE'
      : report.status === 'failed'
        ? 'FAIL'
        : 'ABORT'
  timed.push({
    event: event(outcome, report.finishedAt, {
      run: { runId },
      job: pipelineJob
    }),
    order: LAST
  })
  // Chronological, as a live emitter would have sent them; the pipeline's
  // START comes first and its end last, a step's START before its end.
  const pin = (order: number) => (order === FIRST ? -1 : order === LAST ? 1 : 0)
  return timed
    .sort(
      (a, b) =>
        pin(a.order) - pin(b.order) ||
        compareText(a.event.eventTime, b.event.eventTime) ||
        a.order - b.order
    )
    .map((t) => t.event)
}

function terminalType(
  result: StepResult
): OpenLineageEvent['eventType'] | undefined {
  switch (result.status) {
    case 'succeeded':
      return 'COMPLETE'
    case 'failed':
      return 'FAIL'
    case 'cancelled':
      return 'ABORT'
    default:
      return undefined
  }
}

function withStatistics(
  { facet }: EmitContext,
  name: DatasetName,
  rows: number | undefined,
  side: 'input' | 'output'
): OpenLineageDataset {
  if (rows === undefined) return name
  return side === 'input'
    ? {
        ...name,
        inputFacets: {
          inputStatistics: facet('inputStatistics', { rowCount: rows })
        }
      }
    : {
        ...name,
        outputFacets: {
          outputStatistics: facet('outputStatistics', { rowCount: rows })
        }
      }
}

/** An output with what the preview did to its data, when it was compared. */
function withDataDiff(
  { facet }: EmitContext,
  dataset: OpenLineageDataset,
  dataDiff: DataDiff | undefined,
  table: string
): OpenLineageDataset {
  const diff = dataDiff?.tables.find((t) => t.table === table)
  if (!dataDiff || !diff) return dataset
  const k = diff.keyed
  const c = diff.columns
  const body = {
    against: dataDiff.against,
    baseDataset: diff.base,
    status: diff.status,
    ...(diff.reason !== undefined ? { reason: diff.reason } : {}),
    ...(diff.rows?.base !== undefined
      ? { rowCountBefore: diff.rows.base }
      : {}),
    ...(diff.rows ? { rowCountAfter: diff.rows.head } : {}),
    ...(c
      ? {
          columnsAdded: c.added.map((x) => x.name),
          columnsRemoved: c.removed.map((x) => x.name),
          columnsRetyped: c.retyped.map((x) => x.name)
        }
      : {}),
    ...(k
      ? {
          key: [...k.key],
          rowsAdded: k.added,
          rowsRemoved: k.removed,
          rowsChanged: k.changed,
          changedByColumn: { ...k.byColumn }
        }
      : {})
  }
  return {
    ...dataset,
    outputFacets: {
      ...(dataset.outputFacets ?? {}),
      dtflw_dataDiff: facet('dtflw_dataDiff', body)
    }
  }
}

function language(notebook: string): string {
  const ext = notebook.slice(notebook.lastIndexOf('.') + 1).toLowerCase()
  return ext === 'sql'
    ? 'SQL'
    : ext === 'scala'
      ? 'SCALA'
      : ext === 'r'
        ? 'R'
        : 'PYTHON'
}
