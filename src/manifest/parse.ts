import path from 'node:path'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import {
  errorAt,
  escapeText,
  formatLine,
  hasErrors
} from '../diagnostics/index.js'
import {
  hasNotebookExtension,
  NOTEBOOK_EXTENSIONS_TEXT
} from '../notebooks/index.js'
import { formatPath } from './schema-errors.js'
import { validateManifestShape } from './schema.js'
import { checkStepKey, keyFromNotebook } from './step-key.js'
import type {
  ArgSpec,
  ColumnSpec,
  InputSpec,
  Manifest,
  OutputSpec,
  SourceSpec,
  StepSpec
} from './types.js'
import {
  parseYamlSource,
  yamlToPlain,
  type YamlMap,
  type YamlNode,
  type YamlPair,
  type YamlSource
} from '../yaml/index.js'

/**
 * What parsing a manifest gives: every problem, and the manifest whenever
 * its shape is valid (it may still carry naming errors; check diagnostics).
 */
export interface ParsedManifest {
  readonly manifest?: Manifest
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Parses `dtflw.yaml` text into a typed `Manifest`. Shape problems (from the
 * JSON Schema) and naming problems (parameter clashes, notebook paths) are
 * all reported; the flow's rules (unique task keys, producers, sources)
 * are `buildFlow`'s job.
 */
export function parseManifest(
  text: string,
  file: string,
  root: string
): ParsedManifest {
  const { source, diagnostics } = parseYamlSource(text, file)
  if (hasErrors(diagnostics)) return { diagnostics }
  const doc = source.root
  if (doc?.kind !== 'map') {
    return {
      diagnostics: [
        errorAt(
          'wrong-type',
          'the manifest must be a mapping with "pipeline" and "flow"; see schemas/dtflw.schema.json.',
          doc ? source.locate(doc.offset) : { file, line: 1, column: 1 }
        )
      ]
    }
  }
  const shape = validateManifestShape(yamlToPlain(doc), source)
  if (hasErrors(shape)) return { diagnostics: shape }
  // The schema has checked every type below, so the reads are plain.
  const read = createReader(source)
  const stepNodes = items(doc.pairs.get('flow')?.value) as YamlMap[]
  const flow = stepNodes.map((node, index) => normaliseStep(node, index, read))
  const sources: SourceSpec[] = entries(doc.pairs.get('sources')?.value).map(
    ({ key: name, value: node, keyOffset }) => {
      const description =
        node.kind === 'map' ? stringField(node, 'description') : undefined
      return {
        name,
        ...(description !== undefined ? { description } : {}),
        location: source.locate(keyOffset)
      }
    }
  )
  const profiles = stringField(doc, 'profiles')
  const manifest: Manifest = {
    file,
    root,
    pipeline: stringField(doc, 'pipeline') ?? '',
    promotion: items(doc.pairs.get('promotion')?.value).map(scalarText),
    sources,
    flow,
    profilesDir: profiles ?? 'profiles'
  }
  const problems = [
    ...flow.flatMap((s) => checkParameterNames(s)),
    ...flow.flatMap((s, i) => {
      // A bad path says all there is to say about the name it gives.
      const notebook = checkNotebookPath(s)
      return notebook.length > 0
        ? notebook
        : checkStepKey(s, stepNodes[i].pairs.has('key'))
    })
  ]
  // Naming problems still leave a usable manifest, so the flow's own
  // problems can be reported in the same pass.
  return { manifest, diagnostics: problems }
}

type Reader = (node: YamlNode) => Location

function createReader(source: YamlSource): Reader {
  return (node) => source.locate(node.offset)
}

function items(node: YamlNode | undefined): readonly YamlNode[] {
  return node?.kind === 'seq' ? node.items : []
}

/** The pairs of a mapping, in document order. */
function entries(node: YamlNode | undefined): YamlPair[] {
  return node?.kind === 'map' ? [...node.pairs.values()] : []
}

function scalarText(node: YamlNode): string {
  return node.kind === 'scalar' && node.value !== null ? String(node.value) : ''
}

/** A string field of a mapping, or undefined when absent or not a string. */
function stringField(map: YamlMap, key: string): string | undefined {
  const value = map.pairs.get(key)?.value
  return value?.kind === 'scalar' && typeof value.value === 'string'
    ? value.value
    : undefined
}

function normaliseStep(raw: YamlMap, index: number, at: Reader): StepSpec {
  const field = (key: string) => raw.pairs.get(key)?.value
  const notebookNode = field('notebook')!
  const notebook = scalarText(notebookNode)
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
  const keyNode = field('key')
  const explicitKey = keyNode ? scalarText(keyNode) : undefined
  const key = explicitKey ?? keyFromNotebook(notebook)
  const args: ArgSpec[] = entries(field('args')).map(
    ({ key: name, value: node }) => ({
      name,
      // As written: `12345678901234567890` read as a number would reach
      // the notebook as 12345678901234567000.
      value: node.kind === 'scalar' && node.text ? node.text : scalarText(node),
      location: at(node)
    })
  )
  const inputs: InputSpec[] = items(field('inputs')).map((node) => {
    const location = at(node)
    if (node.kind !== 'map') {
      return { name: scalarText(node), optional: false, location }
    }
    const source = stringField(node, 'source')
    const p = stringField(node, 'path')
    return {
      name: stringField(node, 'name') ?? '',
      ...(source !== undefined ? { source } : {}),
      ...(p !== undefined ? { path: p } : {}),
      optional: scalarOf(node, 'optional') === true,
      location
    }
  })
  const outputs: OutputSpec[] = items(field('outputs')).map((node) => {
    const location = at(node)
    if (node.kind !== 'map') {
      const name = scalarText(node)
      return { name, alias: name, strict: false, location }
    }
    const name = stringField(node, 'name') ?? ''
    const columnsNode = node.pairs.get('columns')?.value
    const columns: ColumnSpec[] | undefined =
      columnsNode?.kind === 'map'
        ? entries(columnsNode).map(({ key: column, value: type }) => ({
            name: column,
            type:
              type.kind === 'scalar' && type.value === null
                ? null
                : scalarText(type).trim().toLowerCase()
          }))
        : undefined
    const p = stringField(node, 'path')
    return {
      name,
      alias: stringField(node, 'alias') ?? name,
      ...(p !== undefined ? { path: p } : {}),
      ...(columns ? { columns } : {}),
      strict: scalarOf(node, 'strict') === true,
      location
    }
  })
  return {
    index,
    key,
    keyLocation: at(keyNode ?? notebookNode),
    notebook,
    notebookLocation: at(notebookNode),
    args,
    inputs,
    outputs,
    location: at(raw)
  }
}

function scalarOf(map: YamlMap, key: string): unknown {
  const value = map.pairs.get(key)?.value
  return value?.kind === 'scalar' ? value.value : undefined
}

/**
 * Every argument, input and output becomes one string parameter of the
 * notebook (`x`, `x_in`, `x_out`); two with the same name would silently
 * overwrite each other.
 */
function checkParameterNames(step: StepSpec): Diagnostic[] {
  const seen = new Map<string, Location>()
  const out: Diagnostic[] = []
  const claim = (param: string, what: string, location: Location) => {
    const earlier = seen.get(param)
    if (earlier) {
      out.push(
        errorAt(
          'duplicate-parameter',
          `${what} gives step "${step.key}" a second parameter "${param}" (the first is at ${formatLine(earlier)}); rename one.`,
          location
        )
      )
    } else {
      seen.set(param, location)
    }
  }
  for (const a of step.args) claim(a.name, `argument "${a.name}"`, a.location)
  for (const i of step.inputs)
    claim(`${i.name}_in`, `input "${i.name}"`, i.location)
  for (const o of step.outputs)
    claim(`${o.name}_out`, `output "${o.name}"`, o.location)
  return out
}

/** True when `text` holds a C0 or C1 control character, or DEL. */
export function hasControlCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f-\x9f]/.test(text)
}

function checkNotebookPath(step: StepSpec): Diagnostic[] {
  const p = step.notebook
  if (hasControlCharacter(p)) {
    return [
      errorAt(
        'notebook-name',
        `notebook "${escapeText(p)}" holds a control character in its path; rename the file and the step's notebook: to plain characters.`,
        step.notebookLocation
      )
    ]
  }
  if (path.posix.isAbsolute(p) || p.split('/').includes('..')) {
    return [
      errorAt(
        'notebook-outside-repo',
        `notebook "${p}" must be a path inside the repository, relative to the manifest.`,
        step.notebookLocation,
        { path: formatPath(['flow', step.index, 'notebook']) }
      )
    ]
  }
  if (!hasNotebookExtension(p)) {
    return [
      errorAt(
        'notebook-extension',
        `notebook "${p}" must end in ${NOTEBOOK_EXTENSIONS_TEXT} (a Databricks source notebook or a Jupyter export).`,
        step.notebookLocation
      )
    ]
  }
  return []
}
