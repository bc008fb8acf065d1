import type { Diagnostic, Location } from '../diagnostics/index.js'
import { errorAt } from '../diagnostics/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import {
  defaultOutputLocation,
  explicitLocation,
  sourceLocation
} from './locations.js'
import type {
  PlannedInput,
  PlannedOutput,
  PlannedSource,
  Step,
  TableLocation
} from './types.js'

/**
 * Where each table of a flow lives under one profile: sources from the
 * profile's `sources`, outputs by the profile's layout or their explicit
 * `path`, inputs where their producer wrote or their source lives.
 * Problems go to `diagnostics`.
 */
export interface Placement {
  readonly sources: readonly PlannedSource[]
  inputs(step: Step): PlannedInput[]
  outputs(step: Step): PlannedOutput[]
}

/** A placement for one profile; steps must be placed in flow order. */
export function createPlacement(
  flowSources: readonly string[],
  profile: ResolvedProfile,
  diagnostics: Diagnostic[]
): Placement {
  const sources: PlannedSource[] = flowSources.map((name) => {
    const config = Object.hasOwn(profile.sources, name)
      ? profile.sources[name]
      : undefined
    return config
      ? {
          name,
          location: sourceLocation(config),
          ...('options' in config && config.options
            ? { options: config.options }
            : {})
        }
      : { name }
  })
  const sourceByName = new Map(sources.map((s) => [s.name, s]))
  const outputsByStep = new Map<string, PlannedOutput[]>()
  const explicit = (
    p: string,
    what: string,
    location: Location
  ): TableLocation | undefined => {
    const placed = explicitLocation(profile.tables, p)
    if (!('problem' in placed)) return placed
    diagnostics.push(
      errorAt(
        'explicit-path',
        `path "${p}" of ${what} ${placed.problem} (profile "${profile.name}").`,
        location
      )
    )
    return undefined
  }
  return {
    sources,
    inputs: (step) =>
      step.inputs.map((input): PlannedInput => {
        let location: TableLocation | undefined
        if (input.path) {
          location = explicit(
            input.path,
            `input "${input.name}"`,
            input.location
          )
        } else if (input.producer) {
          location = outputsByStep
            .get(input.producer)
            ?.find((o) => o.alias === input.table)?.location
        } else if (input.isSource) {
          location = sourceByName.get(input.table)?.location
          if (!location && !input.optional) {
            diagnostics.push(
              errorAt(
                'source-without-location',
                `source "${input.table}" has no location in profile "${profile.name}"; add sources.${input.table} with a path and format, or a table, to ${profile.files[profile.files.length - 1] ?? 'the profile'}.`,
                input.location
              )
            )
          }
        }
        return {
          name: input.name,
          param: `${input.name}_in`,
          table: input.table,
          ...(input.producer ? { producer: input.producer } : {}),
          isSource: input.isSource,
          optional: input.optional,
          ...(location ? { location } : {})
        }
      }),
    outputs: (step) => {
      const outputs = step.outputs.map((o): PlannedOutput => {
        const location = o.path
          ? explicit(o.path, `output "${o.name}"`, o.location)
          : defaultOutputLocation(
              profile.tables,
              step.notebook,
              o.name,
              o.alias
            )
        return {
          name: o.name,
          alias: o.alias,
          param: `${o.name}_out`,
          location: location ?? { kind: 'path', uri: '', format: 'parquet' },
          ...(o.columns ? { columns: o.columns } : {}),
          strict: o.strict,
          ...(o.key ? { key: o.key } : {})
        }
      })
      outputsByStep.set(step.key, outputs)
      return outputs
    }
  }
}
