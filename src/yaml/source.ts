import { parseDocument, type YAMLError } from 'yaml'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import { dedupeDiagnostics, errorAt } from '../diagnostics/index.js'
import { composeYaml } from './compose.js'
import { parseYamlFast } from './fast.js'
import {
  createLineIndex,
  MAX_YAML_DEPTH,
  yamlKeyOffset,
  yamlNodeAt,
  type YamlNode
} from './tree.js'

/**
 * A YAML file read into dtflw's tree, with the means to turn an offset into
 * `file:line:column`. The one front end of `dtflw.yaml` and the profiles.
 */
export interface YamlSource {
  readonly file: string
  readonly text: string
  /** The document's value; `null` when it is empty or could not be read. */
  readonly root: YamlNode | null
  /** The location of a character offset. */
  locate(offset: number): Location
}

/**
 * Parses YAML text keeping positions. Syntax errors, unknown tags, alias
 * bombs and nesting deeper than `MAX_YAML_DEPTH` become diagnostics, and
 * `root` is then `null`: a half-read file would only add misleading
 * errors. Most files take a fast path that reads the plain YAML of
 * manifests and profiles directly; the rest go through the YAML library.
 */
export function parseYamlSource(
  text: string,
  file: string
): { source: YamlSource; diagnostics: Diagnostic[] } {
  const locate = createLineIndex(text, file)
  const fast = parseYamlFast(text)
  if (fast) {
    return { source: { file, text, root: fast.root, locate }, diagnostics: [] }
  }
  const doc = parseDocument(text, { prettyErrors: false })
  const syntax = syntaxDiagnostics(text, doc.errors, locate)
  const tags = doc.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .map((w) => unknownTag(text, w, locate))
  if (syntax.length > 0 || tags.length > 0) {
    return {
      source: { file, text, root: null, locate },
      diagnostics: [...syntax, ...tags]
    }
  }
  const { root, problems } = composeYaml(doc)
  const diagnostics = problems.map((p) =>
    errorAt(p.code, p.message, locate(p.offset))
  )
  return {
    source: {
      file,
      text,
      root: diagnostics.length > 0 ? null : root,
      locate
    },
    diagnostics
  }
}

/** The location where the value at `path` starts (or its closest parent). */
export function locatePath(
  source: YamlSource,
  path: readonly (string | number)[]
): Location {
  return source.locate(yamlNodeAt(source.root ?? undefined, path)?.offset ?? 0)
}

/** The location of the key of `path`'s last segment. */
export function locateKey(
  source: YamlSource,
  path: readonly (string | number)[]
): Location {
  return source.locate(yamlKeyOffset(source.root ?? undefined, path))
}

function unknownTag(
  text: string,
  warning: YAMLError,
  locate: (offset: number) => Location
): Diagnostic {
  const offset = warning.pos[0]
  const tag = /^!\S*/.exec(text.slice(offset))?.[0] ?? 'a tag'
  return errorAt(
    'unknown-tag',
    `unknown YAML tag ${tag}; dtflw reads plain YAML (text, numbers, true/false, lists and mappings), so remove the tag`,
    locate(offset)
  )
}

/**
 * YAML errors as diagnostics. An unquoted `${…}` inside `{ … }` or `[ … ]`
 * is the one mistake every author makes (braces are flow indicators
 * there), so it gets its own message and the cascade of follow-on errors
 * after it is dropped. One bad token often yields several errors
 * at one place: each is shown once.
 */
function syntaxDiagnostics(
  text: string,
  errors: readonly YAMLError[],
  locate: (offset: number) => Location
): Diagnostic[] {
  const out: Diagnostic[] = []
  const templateLines = new Set<number>()
  let firstTemplate = Infinity
  for (const error of errors) {
    const offset = error.pos[0]
    if (text[offset] === '{' && text[offset - 1] === '$') {
      const location = locate(offset - 1)
      firstTemplate = Math.min(firstTemplate, offset)
      if (templateLines.has(location.line)) continue
      templateLines.add(location.line)
      out.push(unquotedTemplate(text, offset - 1, location))
    }
  }
  for (const error of errors) {
    const location = locate(error.pos[0])
    if (templateLines.has(location.line)) continue
    // After an unquoted `${…}` the parser has lost track of the structure;
    // what it reports further on is that one mistake again.
    if (error.pos[0] > firstTemplate) continue
    const message = syntaxMessage(error)
    out.push(
      errorAt(
        error.code === 'RESOURCE_EXHAUSTION' ? 'yaml-too-deep' : 'yaml-syntax',
        message,
        location
      )
    )
  }
  return dedupeDiagnostics(out)
}

function syntaxMessage(error: YAMLError): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'this file holds more than one YAML document (a --- line); keep one document per file'
    case 'DUPLICATE_KEY':
      return 'a key is written twice in this mapping; keep one'
    case 'RESOURCE_EXHAUSTION':
      return `nesting too deep: mappings and lists nest more than ${MAX_YAML_DEPTH} levels here; flatten the structure`
    default: {
      const first = error.message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+.*$/, '')
      return `YAML syntax error: ${first}`
    }
  }
}

function unquotedTemplate(
  text: string,
  dollar: number,
  location: Location
): Diagnostic {
  const { key, value, collection } = flowScalarAround(text, dollar)
  const written = key ? `${key}: "${value}"` : `"${value}"`
  return errorAt(
    'unquoted-template',
    `${value} inside a ${collection} must be quoted; write ${written}`,
    location,
    {
      detail:
        'In { … } and [ … ] YAML reads the braces of ${…} as structure, so the value needs quotes.'
    }
  )
}

/** The plain scalar holding `${` at `dollar`, its key, and its collection. */
function flowScalarAround(
  text: string,
  dollar: number
): { key?: string; value: string; collection: string } {
  const lineStart = text.lastIndexOf('\n', dollar - 1) + 1
  let start = dollar
  while (start > lineStart && !/[,{[]/.test(text[start - 1])) {
    if (text[start - 1] === ' ' && text[start - 2] === ':') break
    start--
  }
  let end = dollar
  let depth = 0
  while (end < text.length && text[end] !== '\n') {
    const c = text[end]
    if (c === '{') depth++
    else if (c === '}') {
      if (depth === 0) break
      depth--
    } else if (depth === 0 && (c === ',' || c === ']')) break
    end++
  }
  const value = text.slice(start, end).trim()
  let key: string | undefined
  const before = text.slice(lineStart, start).replace(/\s+$/, '')
  if (before.endsWith(':')) {
    const m = /([^\s,{[]+)\s*:$/.exec(before)
    key = m?.[1]
  }
  let opener = ''
  let nesting = 0
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]
    if (c === '}' || c === ']') nesting++
    else if (c === '{' || c === '[') {
      if (nesting === 0) {
        opener = c
        break
      }
      nesting--
    }
  }
  const collection =
    opener === '[' ? '[ … ] flow sequence' : '{ … } flow mapping'
  return { key, value, collection }
}
