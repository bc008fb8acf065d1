import { didYouMean, errorAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import type { MapNode } from './node.js'
import {
  evaluateTemplate,
  failedValue,
  plainValue,
  type EvaluationScope,
  type Evaluated,
  type TemplateSite
} from './template-eval.js'

/** Everything `${…}` sees except variables. */
export type BaseScope = Omit<EvaluationScope, 'variable' | 'variableNames'>

/**
 * The scope of one profile's templates, with `${var.x}` read from its
 * `variables` section. Variables may use each other and the environment;
 * each is evaluated once. A problem inside a variable's own definition
 * goes to `diagnostics` once, however often the variable is used; the
 * values handed out then carry none, only `failed`.
 */
export function createVariableScope(
  variables: MapNode | undefined,
  base: BaseScope
): { scope: EvaluationScope; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const names = variables ? [...variables.entries.keys()] : []
  const memo = new Map<string, Evaluated>()
  const visiting: string[] = []
  const scope: EvaluationScope = {
    ...base,
    variableNames: names,
    variable(name: string, site: TemplateSite): Evaluated {
      const known = memo.get(name)
      if (known) return known
      const node = variables?.entries.get(name)
      if (!node) return unknownVariable(name, site, names, visiting)
      const open = visiting.indexOf(name)
      if (open >= 0) {
        const loop = [...visiting.slice(open), name].map((v) => `var.${v}`)
        const first = variables?.entries.get(visiting[open])
        return failedValue(
          errorAt(
            'variable-cycle',
            `variables refer to each other in a cycle: ${loop.join(' → ')}; make one of them a plain value`,
            first?.from[0] ?? site.location,
            { path: `variables.${visiting[open]}` }
          )
        )
      }
      // The schema reports a variable that is a list or a mapping.
      if (node.kind !== 'scalar' || node.value === null) {
        return { ...plainValue(''), failed: true }
      }
      visiting.push(name)
      const value =
        typeof node.value === 'string'
          ? evaluateTemplate(
              node.value,
              {
                label: `variables.${name}`,
                path: `variables.${name}`,
                location: node.from[0]
              },
              scope
            )
          : plainValue(String(node.value))
      visiting.pop()
      diagnostics.push(...value.diagnostics)
      const quiet = { ...value, diagnostics: [] }
      memo.set(name, quiet)
      return quiet
    }
  }
  return { scope, diagnostics }
}

function unknownVariable(
  name: string,
  site: TemplateSite,
  names: readonly string[],
  visiting: readonly string[]
): Evaluated {
  // A variable is never the fix for its own definition.
  const candidates = names.filter((v) => !visiting.includes(v))
  const hint = didYouMean(name, candidates)
  const defined = names.length ? names.join(', ') : '(none)'
  return failedValue(
    errorAt(
      'unknown-variable',
      `${site.label}: \${var.${name}} is not defined under variables;${hint || ` add ${name} to variables.`}`,
      site.location,
      {
        detail: `the variables are: ${defined}`,
        ...(site.path ? { path: site.path } : {})
      }
    )
  )
}
