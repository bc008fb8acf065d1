// The module map of STYLE.md as a lint rule: data flows one way (files →
// manifest and profile → plan → engine → report → renderers), so a folder
// of src/ imports only from the folders it builds on, and only through
// their index.ts. A local rule rather than a plugin: the map is ours, and
// the rule reads it from one table.
import path from 'node:path'

// The layers, each what the next builds on (STYLE.md's rows, top down).
const FOUNDATION = ['diagnostics', 'io']
const FILES = [...FOUNDATION, 'yaml', 'notebooks', 'manifest', 'profiles']
const PLANNED = [...FILES, 'flow', 'report']

/**
 * Each folder of src/ and the folders it may import. A folder may always
 * import its own modules, and a sub-folder its parent's (the local engine
 * builds on engines/engine.ts).
 */
export const MODULE_MAP = {
  diagnostics: [],
  io: ['diagnostics'],
  // The YAML front end of the manifest and the profiles: text to a tree
  // whose values remember where they are.
  yaml: FOUNDATION,
  notebooks: FOUNDATION,
  manifest: [...FOUNDATION, 'yaml', 'notebooks'],
  profiles: [...FOUNDATION, 'yaml', 'manifest'],
  flow: FILES,
  report: [...FOUNDATION, 'manifest', 'profiles', 'flow'],
  // The data diff's SQL and its reading: pure, run by either engine.
  diff: [...FOUNDATION, 'report'],
  // The REST client knows nothing about flows.
  'engines/databricks/api': FOUNDATION,
  engines: PLANNED,
  'engines/local': [...PLANNED, 'diff', 'engines'],
  'engines/databricks': [
    ...PLANNED,
    'diff',
    'engines',
    'engines/databricks/api'
  ],
  // Renderers never reach into an engine: the report is what they share.
  lineage: PLANNED,
  github: [...FOUNDATION, 'report', 'lineage'],
  promotion: [...PLANNED, 'engines'],
  commands: [
    ...PLANNED,
    'diff',
    'engines',
    'engines/local',
    'engines/databricks',
    'engines/databricks/api',
    'lineage',
    'promotion'
  ],
  // The entry points reach the engines only through the command layer.
  cli: [...PLANNED, 'lineage', 'commands'],
  action: [
    ...FOUNDATION,
    'report',
    'lineage',
    'github',
    'promotion',
    'commands'
  ]
}

const FOLDERS = Object.keys(MODULE_MAP).sort((a, b) => b.length - a.length)

/** The folder of the map that holds a path relative to src/, if any. */
export function folderOf(relative) {
  const posix = relative.split(path.sep).join('/')
  return FOLDERS.find((folder) => posix.startsWith(`${folder}/`))
}

/**
 * Why an import from one file of src/ to another breaks the map, or
 * undefined when it keeps to it. Paths are relative to src/.
 */
export function mapViolation(fromFile, toFile) {
  const from = folderOf(fromFile)
  const to = folderOf(toFile)
  if (from === undefined || to === undefined || from === to) return undefined
  if (from.startsWith(`${to}/`)) return undefined
  if (!MODULE_MAP[from].includes(to)) {
    return `src/${from} may not import src/${to}: the module map (STYLE.md) lets it import ${
      MODULE_MAP[from].map((f) => `src/${f}`).join(', ') || 'nothing of src/'
    }`
  }
  const posix = toFile.split(path.sep).join('/')
  if (posix !== `${to}/index.js` && posix !== `${to}/index.ts`) {
    return `import src/${to} through its index.ts, not ${posix}: export what you need from src/${to}/index.ts`
  }
  return undefined
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Imports between folders of src/ follow the module map of STYLE.md'
    },
    schema: [],
    messages: { violation: '{{why}}' }
  },
  create(context) {
    const file = context.filename
    const src = path.resolve(context.cwd, 'src')
    const fromFile = path.relative(src, file)
    if (fromFile.startsWith('..') || path.isAbsolute(fromFile)) return {}
    const check = (node, source) => {
      if (
        !source ||
        typeof source.value !== 'string' ||
        !source.value.startsWith('.')
      )
        return
      const toFile = path.relative(
        src,
        path.resolve(path.dirname(file), source.value)
      )
      if (toFile.startsWith('..')) return
      const why = mapViolation(fromFile, toFile)
      if (why)
        context.report({ node: source, messageId: 'violation', data: { why } })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source : undefined)
    }
  }
}

export default { rules: { 'module-map': rule } }
