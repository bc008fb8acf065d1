import { didYouMean, errorAt, suggest } from '../diagnostics/index.js'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import type {
  ListNode,
  MapNode,
  PathSegment,
  ProfileNode,
  ScalarNode
} from './node.js'
import { formatPath } from './node.js'
import { splitTemplate } from './template-syntax.js'
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

/** Environment variable names that look like they hold a secret. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i

/** True when an environment variable's value must never be shown. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

/** The text of a value so far and what it was built from. */
interface Piece {
  readonly text: string
  readonly env: readonly string[]
  readonly unresolved: boolean
  /** A problem was reported; the value is unusable. */
  readonly failed: boolean
}

/** Where a value sits, for messages. */
interface Site {
  readonly path: string
  readonly location: Location
}

const CONTEXT_WORDS = ['profile', 'pipeline', 'preview', 'git.sha']

/**
 * Fills every `${…}` in the string leaves of a merged profile:
 * `${NAME}` and `${NAME:-default}` (environment; the default also applies
 * when the variable is empty, as in a shell), `${var.x}` (from
 * `variables`, which may use each other and the environment), `${profile}`,
 * `${pipeline}`, `${git.sha}` and `${preview}` (the last two may take a
 * default too). `$${` writes a literal `${`; a backslash would be an
 * invalid escape inside YAML double quotes, `$$` works in every style.
 */
export function interpolateProfile(
  tree: MapNode,
  scope: TemplateScope
): { tree: MapNode; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const variablesNode = tree.entries.get('variables')
  const variables = variablesNode?.kind === 'map' ? variablesNode : undefined
  const variableNames = variables ? [...variables.entries.keys()] : []
  const memo = new Map<string, Piece>()
  const visiting: string[] = []

  const fail = (d: Diagnostic): Piece => {
    diagnostics.push(d)
    return { text: '', env: [], unresolved: false, failed: true }
  }
  const plain = (text: string, env: readonly string[] = []): Piece => ({
    text,
    env,
    unresolved: false,
    failed: false
  })
  const unresolved = (raw: string, env: readonly string[] = []): Piece => ({
    text: raw,
    env,
    unresolved: true,
    failed: false
  })

  const resolveVariable = (name: string, site: Site): Piece => {
    const known = memo.get(name)
    if (known) return known
    const node = variables?.entries.get(name)
    if (!node) {
      // A variable is never the fix for its own definition.
      const candidates = variableNames.filter((v) => !visiting.includes(v))
      const hint = didYouMean(name, candidates)
      const defined = variableNames.length ? variableNames.join(', ') : '(none)'
      return fail(
        errorAt(
          'unknown-variable',
          `${site.path}: \${var.${name}} is not defined under variables;${hint || ` add ${name} to variables.`}`,
          site.location,
          { detail: `the variables are: ${defined}`, path: site.path }
        )
      )
    }
    const open = visiting.indexOf(name)
    if (open >= 0) {
      const loop = [...visiting.slice(open), name].map((v) => `var.${v}`)
      const first = variables?.entries.get(visiting[open])
      return fail(
        errorAt(
          'variable-cycle',
          `variables refer to each other in a cycle: ${loop.join(' → ')}; make one of them a plain value`,
          first?.from[0] ?? site.location,
          { path: `variables.${visiting[open]}` }
        )
      )
    }
    if (node.kind !== 'scalar' || node.value === null) {
      // The schema reports the type; this only keeps the value unusable.
      return { ...plain(''), failed: true }
    }
    visiting.push(name)
    const piece =
      typeof node.value === 'string'
        ? interpolate(node.value, {
            path: `variables.${name}`,
            location: node.from[0]
          })
        : plain(String(node.value))
    visiting.pop()
    memo.set(name, piece)
    return piece
  }

  const missing = (
    raw: string,
    site: Site,
    code: string,
    summary: string
  ): Piece =>
    scope.allowUnsetEnv
      ? unresolved(raw)
      : fail(
          errorAt(code, `${site.path}: ${summary}`, site.location, {
            path: site.path
          })
        )

  const evaluate = (ref: string, raw: string, site: Site): Piece => {
    const m =
      /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)(?::-([\s\S]*))?$/.exec(
        ref.trim()
      )
    const name = m?.[1]
    const fallback = m?.[2]
    const withDefault = (): Piece => interpolate(fallback ?? '', site)
    if (
      name === undefined ||
      (name.includes('.') && !name.startsWith('var.') && name !== 'git.sha')
    ) {
      const hint = didYouMean(name ?? ref.trim(), [
        ...CONTEXT_WORDS,
        ...variableNames.map((v) => `var.${v}`)
      ])
      return fail(
        errorAt(
          'unknown-reference',
          `${site.path}: ${raw} is not a reference dtflw knows;${hint || ' write ${NAME} or ${NAME:-default} for an environment variable, ${var.NAME}, ${profile}, ${pipeline}, ${git.sha} or ${preview}.'}`,
          site.location,
          { path: site.path }
        )
      )
    }
    if (
      fallback !== undefined &&
      (name === 'profile' || name === 'pipeline' || name.startsWith('var.'))
    ) {
      const why = name.startsWith('var.')
        ? `define ${name.slice(4)} under variables instead`
        : `\${${name}} always has a value`
      return fail(
        errorAt(
          'unexpected-default',
          `${site.path}: ${raw} takes no default (:-); ${why}`,
          site.location,
          { path: site.path }
        )
      )
    }
    if (name.startsWith('var.')) {
      const piece = resolveVariable(name.slice(4), site)
      // A variable that failed was reported where it is defined.
      return piece.failed ? { ...piece, text: '' } : piece
    }
    if (name === 'profile') return plain(scope.profile)
    if (name === 'pipeline') return plain(scope.pipeline)
    if (name === 'preview' || name === 'git.sha') {
      const value = name === 'preview' ? scope.preview : scope.gitSha
      if (value) return plain(value)
      if (fallback !== undefined) return withDefault()
      return name === 'preview'
        ? missing(
            raw,
            site,
            'missing-preview',
            `\${preview} needs a preview name, and none was given; pass --preview NAME (the Action uses pr-<number> on pull requests) or write \${preview:-default}`
          )
        : missing(
            raw,
            site,
            'missing-git-sha',
            `\${git.sha} needs the commit, and it is unknown here; run dtflw inside a git checkout or write \${git.sha:-default}`
          )
    }
    const value = scope.env[name]
    if (value !== undefined && (value !== '' || fallback === undefined)) {
      return plain(value, [name])
    }
    if (fallback !== undefined) {
      const piece = withDefault()
      return { ...piece, env: [name, ...piece.env] }
    }
    if (scope.allowUnsetEnv) return unresolved(raw, [name])
    // `${pipline}` reads as an environment variable; hint at the typo.
    const close = /[a-z]/.test(name) ? suggest(name, CONTEXT_WORDS) : undefined
    return fail(
      errorAt(
        'unset-variable',
        `${site.path}: environment variable ${name} is not set; set ${name} in the environment or .env, or write \${${name}:-default}.`,
        site.location,
        {
          path: site.path,
          ...(close ? { detail: `did you mean \${${close}}?` } : {})
        }
      )
    )
  }

  const interpolate = (text: string, site: Site): Piece => {
    const split = splitTemplate(text)
    if ('error' in split) {
      return fail(
        errorAt(
          'unclosed-template',
          `${site.path}: ${split.error}`,
          site.location,
          {
            path: site.path
          }
        )
      )
    }
    let out = ''
    const env: string[] = []
    let isUnresolved = false
    let failed = false
    for (const part of split.parts) {
      if ('literal' in part) {
        out += part.literal
        continue
      }
      const piece = evaluate(part.ref, part.raw, site)
      out += piece.text
      for (const name of piece.env) if (!env.includes(name)) env.push(name)
      isUnresolved ||= piece.unresolved
      failed ||= piece.failed
    }
    return { text: out, env, unresolved: isUnresolved, failed }
  }

  const leaf = (node: ScalarNode, piece: Piece): ScalarNode => ({
    ...node,
    value: piece.failed ? node.value : piece.text,
    written: node.value as string,
    env: piece.env,
    secret: piece.env.some(isSecretName),
    // A failed value keeps its text but is not judged again by the schema.
    ...(piece.unresolved || piece.failed ? { unresolved: true } : {})
  })

  const walk = (node: ProfileNode, at: readonly PathSegment[]): ProfileNode => {
    if (node.kind === 'scalar') {
      if (typeof node.value !== 'string' || !node.value.includes('${')) {
        return node
      }
      if (
        at.length === 2 &&
        at[0] === 'variables' &&
        typeof at[1] === 'string'
      ) {
        return leaf(node, resolveVariable(at[1], site(at, node)))
      }
      return leaf(node, interpolate(node.value, site(at, node)))
    }
    if (node.kind === 'list') {
      const items = node.items.map((item, i) => walk(item, [...at, i]))
      return { ...node, items } satisfies ListNode
    }
    const entries = new Map<string, ProfileNode>()
    for (const [key, value] of node.entries) {
      entries.set(key, walk(value, [...at, key]))
    }
    return { ...node, entries } satisfies MapNode
  }

  const result = walk(tree, []) as MapNode
  return { tree: result, diagnostics }
}

function site(at: readonly PathSegment[], node: ScalarNode): Site {
  return { path: formatPath(at), location: node.from[0] }
}
