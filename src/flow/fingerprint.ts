import { sha256, stableHash } from '../io/index.js'
import type { Plan, PlannedStep, TableLocation } from './types.js'

// Bumped when what goes into a fingerprint changes: every step then differs
// once, which is safer than comparing prints made by two recipes.
const RECIPE = 1

/** Steps that are new, gone, or whose fingerprint differs; each list sorted. */
export interface ChangedSteps {
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly changed: readonly string[]
}

/**
 * A fingerprint per step key over everything that decides the step's result
 * under the plan's profile: the notebook's content (line endings and a BOM
 * normalised, so a checkout with `autocrlf` is no change), the parameters it
 * receives as resolved (arguments with `${var.…}` filled, input and output
 * locations), the declared columns and strictness of its outputs, and the
 * formats and source options of what it reads and writes. A changed profile
 * variable thus changes exactly the steps whose parameters use it, which
 * dbt's state comparison does not see. The notebook's path is left out: a
 * renamed file with the same content computes the same thing.
 *
 * Compare prints of the same profile made with the same template context;
 * a location built from `${git.sha}` differs on every commit by design.
 */
export async function fingerprintSteps(
  plan: Plan,
  readNotebook: (path: string) => Promise<string>
): Promise<Record<string, string>> {
  const notebooks = [...new Set(plan.steps.map((s) => s.notebook))]
  const contents = new Map(
    await Promise.all(
      notebooks.map(
        async (p) =>
          [p, sha256(normaliseNotebook(await readNotebook(p)))] as const
      )
    )
  )
  const sourceOptions = new Map(plan.sources.map((s) => [s.name, s.options]))
  const prints: Record<string, string> = {}
  for (const step of plan.steps) {
    prints[step.key] = stableHash({
      recipe: RECIPE,
      content: contents.get(step.notebook),
      ...stepInputs(step, sourceOptions)
    })
  }
  return prints
}

/** Added, removed and changed step keys between two sets of fingerprints. */
export function changedSteps(
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string>>
): ChangedSteps {
  const has = (o: object, k: string) => Object.hasOwn(o, k)
  const sorted = (keys: string[]) =>
    keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    added: sorted(Object.keys(head).filter((k) => !has(base, k))),
    removed: sorted(Object.keys(base).filter((k) => !has(head, k))),
    changed: sorted(
      Object.keys(head).filter((k) => has(base, k) && base[k] !== head[k])
    )
  }
}

/** Notebook text as it is compared: no BOM, `\n` line endings. */
export function normaliseNotebook(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

function stepInputs(
  step: PlannedStep,
  sourceOptions: ReadonlyMap<
    string,
    Readonly<Record<string, string>> | undefined
  >
): Record<string, unknown> {
  return {
    parameters: step.parameters,
    outputs: step.outputs.map((o) => ({
      param: o.param,
      format: formatOf(o.location),
      columns: o.columns?.map((c) => [c.name, c.type]) ?? null,
      strict: o.strict
    })),
    inputs: step.inputs.map((i) => ({
      param: i.param,
      format: i.location ? formatOf(i.location) : null,
      options: i.isSource ? (sourceOptions.get(i.table) ?? null) : null
    }))
  }
}

function formatOf(location: TableLocation): string | null {
  return location.format ?? null
}
