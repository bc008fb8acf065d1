import type { Diagnostic, Location } from '../diagnostics/index.js'
import { errorAt, formatLine } from '../diagnostics/index.js'
import { maskSecrets } from '../profiles/index.js'
import { locationKey, locationValue } from './locations.js'
import type {
  Edge,
  Flow,
  PlannedOutput,
  PlannedSource,
  PlannedStep,
  TableLocation
} from './types.js'

interface Write {
  readonly step: PlannedStep
  readonly output: PlannedOutput
  readonly location: Location
}

/**
 * Where two steps share one physical location, adds the edges that keep the
 * result equal to running in manifest order: write-after-write between
 * writers, write-after-read from a reader to the next writer. A reader whose
 * version is overwritten before it runs (another table written to the same
 * place in between) is an error: no order can give it the right data.
 */
export function locationEdges(
  flow: Flow,
  steps: readonly PlannedStep[],
  sources: readonly PlannedSource[],
  diagnostics: Diagnostic[],
  secrets: readonly string[] = []
): Edge[] {
  // A location built from a secret (a root with a key in it) is shown masked.
  const shown = (location: TableLocation | undefined) =>
    maskSecrets(locationValue(location), secrets)
  const edges: Edge[] = []
  const writers = new Map<string, Write[]>()
  for (const step of steps) {
    const flowStep = flow.steps[step.index]
    const mine = new Map<string, PlannedOutput>()
    step.outputs.forEach((output, i) => {
      if (!output.location || locationValue(output.location) === '') return
      const key = locationKey(output.location)
      const twin = mine.get(key)
      const location = flowStep.outputs[i].location
      if (twin) {
        diagnostics.push(
          errorAt(
            'location-conflict',
            `outputs "${twin.name}" and "${output.name}" of step "${step.key}" are both written to ${shown(output.location)}; give one its own path.`,
            location
          )
        )
        return
      }
      mine.set(key, output)
      const list = writers.get(key) ?? []
      const previous = list[list.length - 1]
      if (previous) {
        edges.push({
          from: previous.step.key,
          to: step.key,
          kind: 'write-after-write',
          table: output.alias
        })
      }
      list.push({ step, output, location })
      writers.set(key, list)
    })
  }
  const indexOf = new Map(steps.map((s) => [s.key, s.index]))
  const sourceKeys = new Map(
    sources
      .filter((s) => s.location)
      .map((s) => [s.name, locationKey(s.location!)])
  )
  for (const step of steps) {
    const flowStep = flow.steps[step.index]
    step.inputs.forEach((input, i) => {
      if (!input.location) return
      const key = input.isSource
        ? (sourceKeys.get(input.table) ?? locationKey(input.location))
        : locationKey(input.location)
      const list = writers.get(key) ?? []
      const producerIndex = input.producer
        ? (indexOf.get(input.producer) ?? -1)
        : -1
      // Writers are in step order: start at the first one after the producer.
      for (let k = firstAfter(list, producerIndex); k < list.length; k++) {
        const w = list[k]
        if (w.step.key === step.key) continue
        if (w.step.index < step.index) {
          const version = input.producer
            ? `the version written by "${input.producer}"`
            : 'its source'
          diagnostics.push(
            errorAt(
              'location-conflict',
              `input "${input.name}" of step "${step.key}" reads ${version}, but step "${w.step.key}" (${formatLine(w.location)}) overwrites ${shown(input.location)} with "${w.output.alias}" in between, so no order keeps it; give that output its own path.`,
              flowStep.inputs[i].location
            )
          )
        } else {
          edges.push({
            from: step.key,
            to: w.step.key,
            kind: 'write-after-read',
            table: input.table
          })
        }
        break
      }
    })
  }
  return edges
}

/** The index of the first writer whose step comes after `index`. */
function firstAfter(list: readonly Write[], index: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (list[mid].step.index <= index) low = mid + 1
    else high = mid
  }
  return low
}
