import { didYouMean, errorAt, suggest } from '../diagnostics/index.js'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import { parseReference, splitTemplate } from './template-syntax.js'

/** The longest value a template may build: larger is a mistake or an attack. */
export const MAX_TEMPLATE_LENGTH = 65_536

/** Where a template is written, for messages. */
export interface TemplateSite {
  /** How messages name the place: `workspace.host`, `argument "year" of step "stats"`. */
  readonly label: string
  readonly location: Location
  /** The diagnostic's document path, when there is one. */
  readonly path?: string
}

/** A template's value and what it was built from. */
export interface Evaluated {
  readonly text: string
  /** Environment variables it was built from, each once. */
  readonly env: readonly string[]
  /** Built from a secret: it must never be shown. */
  readonly secret: boolean
  /** The secret strings it contains (values of secret variables), for masking. */
  readonly secrets: readonly string[]
  /** A `${…}` was left as written (offline validation). */
  readonly unresolved: boolean
  /** A problem was reported; the value is unusable. */
  readonly failed: boolean
  readonly diagnostics: readonly Diagnostic[]
}

/** What `${…}` can see. */
export interface EvaluationScope {
  /** The process environment over `.env`. */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly profile: string
  readonly pipeline: string
  readonly gitSha?: string
  readonly preview?: string
  /**
   * Offline (`dtflw validate`): an unset environment variable, `${git.sha}`
   * or `${preview}` without a default is left as written, not an error.
   */
  readonly allowUnsetEnv?: boolean
  /** Whether an environment variable holds a secret. */
  isSecretName(name: string): boolean
  /** Names `${var.…}` may use, for suggestions. */
  readonly variableNames: readonly string[]
  /** The value of `${var.name}`, or the error that it has none. */
  variable(name: string, site: TemplateSite): Evaluated
}

const CONTEXT_WORDS = ['profile', 'pipeline', 'preview', 'git.sha']

const EMPTY: Evaluated = {
  text: '',
  env: [],
  secret: false,
  secrets: [],
  unresolved: false,
  failed: false,
  diagnostics: []
}

/** A plain value. */
export function plainValue(
  text: string,
  env: readonly string[] = []
): Evaluated {
  return { ...EMPTY, text, env }
}

/** A value that failed with these problems. */
export function failedValue(...diagnostics: Diagnostic[]): Evaluated {
  return { ...EMPTY, failed: true, diagnostics }
}

function problem(
  site: TemplateSite,
  code: string,
  summary: string,
  detail?: string
): Evaluated {
  return failedValue(
    errorAt(code, `${site.label}: ${summary}`, site.location, {
      ...(site.path ? { path: site.path } : {}),
      ...(detail ? { detail } : {})
    })
  )
}

/**
 * Fills every `${…}` of `text`: `${NAME}` and `${NAME:-default}`
 * (environment), `${var.x}`, `${profile}`, `${pipeline}`, `${git.sha}` and
 * `${preview}` (the last two may take a default). `$${` writes a literal
 * `${`. A variable that is set to the empty string gives the empty string,
 * as in a shell; `${NAME:-default}` gives the default when NAME is unset or
 * empty. This is the one evaluator of profile values and step arguments.
 */
export function evaluateTemplate(
  text: string,
  site: TemplateSite,
  scope: EvaluationScope
): Evaluated {
  const split = splitTemplate(text)
  if ('error' in split) return problem(site, 'unclosed-template', split.error)
  let result = plainValue('')
  for (const part of split.parts) {
    const piece =
      'literal' in part
        ? plainValue(part.literal)
        : evaluateReference(part.ref, part.raw, site, scope)
    result = join(result, piece)
    if (result.text.length > MAX_TEMPLATE_LENGTH) {
      return {
        ...failedValue(
          ...result.diagnostics,
          errorAt(
            'value-too-long',
            `${site.label}: the value grows past ${MAX_TEMPLATE_LENGTH.toLocaleString('en-US')} characters as its \${…} are filled; a setting that long is a mistake (variables that repeat each other?)`,
            site.location,
            site.path ? { path: site.path } : {}
          )
        ),
        env: result.env
      }
    }
  }
  return result
}

/** Two values side by side. */
export function join(a: Evaluated, b: Evaluated): Evaluated {
  return {
    text: a.failed || b.failed ? '' : a.text + b.text,
    env: union(a.env, b.env),
    secret: a.secret || b.secret,
    secrets: union(a.secrets, b.secrets),
    unresolved: a.unresolved || b.unresolved,
    failed: a.failed || b.failed,
    diagnostics:
      b.diagnostics.length === 0
        ? a.diagnostics
        : [...a.diagnostics, ...b.diagnostics]
  }
}

function union(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a
  if (a.length === 0) return b
  return [...new Set([...a, ...b])]
}

function evaluateReference(
  ref: string,
  raw: string,
  site: TemplateSite,
  scope: EvaluationScope
): Evaluated {
  const parsed = parseReference(ref)
  if ('error' in parsed) {
    const hint = didYouMean(parsed.name ?? ref.trim(), [
      ...CONTEXT_WORDS,
      ...scope.variableNames.map((v) => `var.${v}`)
    ])
    return problem(
      site,
      'unknown-reference',
      `${raw} is not a reference dtflw knows;${hint || ' write ${NAME} or ${NAME:-default} for an environment variable, ${var.NAME}, ${profile}, ${pipeline}, ${git.sha} or ${preview}.'}`
    )
  }
  const { kind, name, fallback } = parsed
  const withDefault = (): Evaluated =>
    evaluateTemplate(fallback ?? '', site, scope)
  if (
    fallback !== undefined &&
    (kind === 'profile' || kind === 'pipeline' || kind === 'var')
  ) {
    const why =
      kind === 'var'
        ? `define ${name} under variables instead`
        : `\${${kind}} always has a value`
    return problem(
      site,
      'unexpected-default',
      `${raw} takes no default (:-); ${why}`
    )
  }
  switch (kind) {
    case 'var': {
      const value = scope.variable(name, site)
      // A variable that failed was reported where it is defined.
      return value.failed ? { ...value, text: '' } : value
    }
    case 'profile':
      return plainValue(scope.profile)
    case 'pipeline':
      return plainValue(scope.pipeline)
    case 'preview':
    case 'git.sha': {
      const value = kind === 'preview' ? scope.preview : scope.gitSha
      if (value) return plainValue(value)
      if (fallback !== undefined) return withDefault()
      if (scope.allowUnsetEnv) return { ...plainValue(raw), unresolved: true }
      return kind === 'preview'
        ? problem(
            site,
            'missing-preview',
            `\${preview} needs a preview name, and none was given; pass --preview NAME (the Action uses pr-<number> on pull requests) or write \${preview:-default}`
          )
        : problem(
            site,
            'missing-git-sha',
            `\${git.sha} needs the commit, and it is unknown here; run dtflw inside a git checkout or write \${git.sha:-default}`
          )
    }
    case 'env':
      return environmentValue(name, raw, fallback, site, scope, withDefault)
  }
}

function environmentValue(
  name: string,
  raw: string,
  fallback: string | undefined,
  site: TemplateSite,
  scope: EvaluationScope,
  withDefault: () => Evaluated
): Evaluated {
  const value = Object.hasOwn(scope.env, name) ? scope.env[name] : undefined
  const secret = scope.isSecretName(name)
  if (value !== undefined && (value !== '' || fallback === undefined)) {
    return {
      ...plainValue(value, [name]),
      secret,
      secrets: secret && value !== '' ? [value] : []
    }
  }
  if (fallback !== undefined) {
    const piece = withDefault()
    return { ...piece, env: union([name], piece.env) }
  }
  if (scope.allowUnsetEnv) {
    return { ...plainValue(raw, [name]), secret, unresolved: true }
  }
  // `${pipline}` reads as an environment variable; hint at the typo.
  const close = /[a-z]/.test(name) ? suggest(name, CONTEXT_WORDS) : undefined
  return problem(
    site,
    'unset-variable',
    `environment variable ${name} is not set; set ${name} in the environment or .env, or write \${${name}:-default}.`,
    close ? `did you mean \${${close}}?` : undefined
  )
}
