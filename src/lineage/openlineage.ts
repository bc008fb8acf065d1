import type { RunReport } from '../report/index.js'
import { createEmitContext, SPEC } from './openlineage-context.js'
import type {
  EmitContext,
  OpenLineageEvent,
  OpenLineageFacet,
  OpenLineageOptions
} from './openlineage-context.js'
import { runEvents } from './openlineage-runs.js'
import type { Lineage } from './types.js'

/**
 * OpenLineage events for a lineage: one JobEvent per step and one for the
 * pipeline with the declared inputs and outputs (and the `lineage` facet,
 * which on a JobEvent means declared lineage); with a report, a START and a
 * COMPLETE, FAIL or ABORT RunEvent for the pipeline run and each step that
 * started, carrying what the step read and wrote. Run ids are name-based
 * UUIDs of the report's run id and the step key, so rendering twice agrees.
 */
export function buildOpenLineageEvents(
  lineage: Lineage,
  report?: RunReport,
  options: OpenLineageOptions = {}
): OpenLineageEvent[] {
  const ctx = createEmitContext(lineage, report?.toolVersion, options)
  const time = options.now ?? report?.startedAt ?? new Date().toISOString()
  return [...jobEvents(ctx, time), ...(report ? runEvents(ctx, report) : [])]
}

/** The events as JSON Lines, the format of OpenLineage's file transport. */
export function renderOpenLineage(
  lineage: Lineage,
  report?: RunReport,
  options: OpenLineageOptions = {}
): string {
  return buildOpenLineageEvents(lineage, report, options)
    .map((e) => JSON.stringify(e) + '\n')
    .join('')
}

/** Declared lineage: JobEvents (no `run`) for the pipeline and each step. */
function jobEvents(ctx: EmitContext, eventTime: string): OpenLineageEvent[] {
  const { lineage, namespace, producer, facet, identify, options } = ctx
  const schemaURL = `${SPEC}#/$defs/JobEvent`
  const jobType = (kind: 'DAG' | 'TASK') =>
    facet('jobType', {
      processingType: 'BATCH',
      integration: 'DTFLW',
      jobType: kind
    })
  const sha = lineage.run?.gitSha
  const events: OpenLineageEvent[] = [
    {
      eventTime,
      producer,
      schemaURL,
      job: {
        namespace,
        name: lineage.pipeline,
        facets: { jobType: jobType('DAG') }
      }
    }
  ]
  for (const step of lineage.steps) {
    const inputs = ctx.declared(step, 'read')
    const outputs = ctx.declared(step, 'write')
    const sourceCode: Record<string, OpenLineageFacet> =
      options.repositoryUrl && sha
        ? {
            sourceCodeLocation: facet('sourceCodeLocation', {
              type: 'git',
              url: `${options.repositoryUrl.replace(/\/+$/, '')}/blob/${sha}/${encodeURI(step.notebook)}`,
              repoUrl: options.repositoryUrl,
              path: step.notebook,
              version: sha
            })
          }
        : {}
    events.push({
      eventTime,
      producer,
      schemaURL,
      job: {
        namespace,
        name: ctx.jobName(step.key),
        facets: {
          jobType: jobType('TASK'),
          // A notebook declares tables, not columns: every input may feed
          // every output.
          lineage: facet('lineage', {
            entries: outputs.map((o) => ({
              ...identify(o),
              type: 'DATASET',
              inputs: inputs.map((i) => ({ ...identify(i), type: 'DATASET' }))
            }))
          }),
          ...sourceCode
        }
      },
      inputs: inputs.map(identify),
      outputs: outputs.map((o) => ({
        ...identify(o),
        ...(o.columns && {
          facets: {
            schema: facet('schema', {
              fields: o.columns.map((c) => ({
                name: c.name,
                ...(c.type !== null && { type: c.type })
              }))
            })
          }
        })
      }))
    })
  }
  return events
}
