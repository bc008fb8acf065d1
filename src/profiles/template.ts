import type { Diagnostic } from '../diagnostics/index.js'
import type {
  ListNode,
  MapNode,
  PathSegment,
  ProfileNode,
  ScalarNode
} from './node.js'
import { formatPath } from './node.js'
import { listedSecrets, secretTest } from './secrets.js'
import {
  evaluateTemplate,
  failedValue,
  type Evaluated,
  type TemplateSite
} from './template-eval.js'
import { createVariableScope, type BaseScope } from './template-variables.js'
import { didYouMean, errorAt } from '../diagnostics/index.js'
import type { TemplateContext } from './types.js'

/** What `${…}` can see while one profile is resolved. */
export interface TemplateScope extends TemplateContext {
  /** The profile being resolved, for `${profile}`. */
  readonly profile: string
  /**
   * For `dtflw validate`, which runs offline without secrets: an unset
   * environment variable, `${git.sha}` or `${preview}` without a default is
   * left as written and marked unresolved instead of being an error.
   */
  readonly allowUnsetEnv?: boolean
}

/**
 * Fills every `${…}` in the string leaves of a merged profile with
 * `evaluateTemplate` (its doc comment has the syntax and the rules), the
 * variables from the tree's own `variables` section. A value built from an
 * environment variable that looks secret, or that the profile lists under
 * `secrets:`, is marked secret.
 */
export function interpolateProfile(
  tree: MapNode,
  scope: TemplateScope
): { tree: MapNode; diagnostics: Diagnostic[] } {
  const variablesNode = tree.entries.get('variables')
  const { scope: evaluation, diagnostics } = createVariableScope(
    variablesNode?.kind === 'map' ? variablesNode : undefined,
    {
      env: scope.env,
      profile: scope.profile,
      pipeline: scope.pipeline,
      gitSha: scope.gitSha,
      preview: scope.preview,
      allowUnsetEnv: scope.allowUnsetEnv,
      isSecretName: secretTest(listedSecrets(tree), scope)
    }
  )
  const found: Diagnostic[] = []
  // One path, grown and shrunk as the walk goes down and up.
  const at: PathSegment[] = []
  const walk = (node: ProfileNode): ProfileNode => {
    if (node.kind === 'scalar') {
      if (typeof node.value !== 'string' || !node.value.includes('${')) {
        return node
      }
      const path = formatPath(at)
      const value =
        at.length === 2 && at[0] === 'variables' && typeof at[1] === 'string'
          ? evaluation.variable(at[1], {
              label: path,
              path,
              location: node.from[0]
            })
          : evaluateTemplate(
              node.value,
              { label: path, path, location: node.from[0] },
              evaluation
            )
      found.push(...value.diagnostics)
      return filled(node, value)
    }
    // A subtree with no `${…}` comes back as it was: a profile of 20,000
    // sources is copied only where a value was filled.
    if (node.kind === 'list') {
      const items = node.items.map((item, i) => {
        at.push(i)
        const next = walk(item)
        at.pop()
        return next
      })
      return items.every((item, i) => item === node.items[i])
        ? node
        : ({ ...node, items } satisfies ListNode)
    }
    let entries: Map<string, ProfileNode> | undefined
    for (const [key, value] of node.entries) {
      at.push(key)
      const next = walk(value)
      at.pop()
      if (next !== value) entries ??= new Map(node.entries)
      entries?.set(key, next)
    }
    return entries ? ({ ...node, entries } satisfies MapNode) : node
  }
  const result = walk(tree) as MapNode
  return { tree: result, diagnostics: [...diagnostics, ...found] }
}

/** A leaf with its `${…}` filled, and what it was built from. */
function filled(node: ScalarNode, value: Evaluated): ScalarNode {
  return {
    ...node,
    value: value.failed ? node.value : value.text,
    written: node.value as string,
    env: value.env,
    secret: value.secret,
    ...(value.secrets.length > 0 ? { secrets: value.secrets } : {}),
    // A failed value keeps its text but is not judged again by the schema.
    ...(value.unresolved || value.failed ? { unresolved: true } : {})
  }
}

/** Everything a step argument's `${…}` sees besides the profile's variables. */
export type ExpanderScope = BaseScope

/** A resolved variable of a profile, as `${var.x}` in a step argument sees it. */
export type VariableValue = Omit<Evaluated, 'failed' | 'diagnostics'>

/**
 * The evaluator of profile values, for text outside the profile (a step's
 * arguments): the same syntax, the same environment (`.env` included), the
 * same rule for empty variables, the same secret marking, and the
 * profile's resolved variables.
 */
export function createExpander(
  scope: ExpanderScope,
  variables: ReadonlyMap<string, VariableValue>
): (text: string, site: TemplateSite) => Evaluated {
  const names = [...variables.keys()]
  const full = {
    ...scope,
    variableNames: names,
    variable(name: string, site: TemplateSite): Evaluated {
      const value = variables.get(name)
      if (value) return { ...value, failed: false, diagnostics: [] }
      const hint = didYouMean(name, names)
      return failedValue(
        errorAt(
          'unknown-variable',
          `${site.label}: \${var.${name}} is not defined under variables of profile "${scope.profile}";${hint || ` add ${name} to its variables.`}`,
          site.location,
          {
            detail: `the variables are: ${names.length ? names.join(', ') : '(none)'}`,
            ...(site.path ? { path: site.path } : {})
          }
        )
      )
    }
  }
  return (text, site) => evaluateTemplate(text, site, full)
}
