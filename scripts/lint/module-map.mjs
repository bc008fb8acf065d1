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
// What every room of the local engine may use: the plan, and engines/ (the
// Engine seam, the scheduler, the worker pool), their grandparent.
const LOCAL = [...PLANNED, 'engines']
const room = (name) => `engines/local/${name}`

/**
 * Each folder of src/ and the folders it may import. A folder may always
 * import its own modules, and a sub-folder its parent's (the local engine
 * builds on engines/engine.ts), unless the parent imports the sub-folder:
 * the rooms of the local engine never import the engine they make up.
 */
export const MODULE_MAP = {
  diagnostics: [],
  io: ['diagnostics'],
  // The YAML front end of the manifest and the profiles: text to a tree
  // whose values remember where they are.
  yaml: FOUNDATION,
  // Edits of YAML text that keep comments and quoting: a foundation too.
  'yaml-edit': [],
  notebooks: FOUNDATION,
  manifest: [...FOUNDATION, 'yaml', 'notebooks'],
  profiles: [...FOUNDATION, 'yaml', 'manifest'],
  flow: FILES,
  report: [...FOUNDATION, 'manifest', 'profiles', 'flow'],
  // The data diff's SQL and its reading: pure, run by either engine.
  diff: PLANNED,
  // The REST client knows nothing about flows.
  'engines/databricks/api': FOUNDATION,
  engines: [...PLANNED, 'diff'],
  // The local engine's rooms, bottom up; engines/local/*.ts assembles them.
  [room('failure')]: LOCAL,
  [room('notebook')]: LOCAL,
  [room('sql')]: [...LOCAL, room('failure'), room('notebook')],
  [room('python')]: [...LOCAL, room('failure'), room('notebook'), room('sql')],
  [room('tables')]: [...LOCAL, room('failure'), room('sql')],
  [room('guard')]: [...LOCAL, room('failure'), room('tables')],
  [room('describe')]: [
    ...LOCAL,
    room('failure'),
    room('notebook'),
    room('sql'),
    room('tables')
  ],
  [room('step')]: [
    ...LOCAL,
    room('failure'),
    room('notebook'),
    room('sql'),
    room('python'),
    room('tables'),
    room('guard')
  ],
  'engines/local': [
    ...LOCAL,
    ...['failure', 'notebook', 'sql', 'python', 'tables', 'guard'].map(room),
    room('describe'),
    room('step'),
    'diff'
  ],
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
  // The plan of a new pipeline repository (`npm init dtflw-pipeline`).
  scaffold: [...FOUNDATION, 'yaml-edit'],
  // Placing a new step (`dtflw add`), its widgets and its notebook; the
  // ETL templates know nothing of the manifest.
  'steps/templates': [...FOUNDATION, 'yaml-edit'],
  steps: [...PLANNED, 'yaml-edit', 'steps/templates'],
  commands: [
    ...PLANNED,
    'diff',
    'engines',
    'engines/local',
    'engines/databricks',
    'engines/databricks/api',
    'lineage',
    'promotion',
    'steps'
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
  ],
  // The Yeoman entry points: `create-dtflw-pipeline` and the two generators.
  generators: [...FOUNDATION, 'scaffold', 'steps', 'commands']
}

/**
 * A loop among the rows of a module map (each folder with the folders it
 * may import), as the folders along it, or undefined when there is none.
 */
export function mapLoop(map) {
  const done = new Set()
  const visit = (folder, trail) => {
    if (trail.includes(folder))
      return [...trail.slice(trail.indexOf(folder)), folder]
    if (done.has(folder)) return undefined
    for (const next of map[folder] ?? []) {
      const loop = visit(next, [...trail, folder])
      if (loop) return loop
    }
    done.add(folder)
    return undefined
  }
  for (const folder of Object.keys(map)) {
    const loop = visit(folder, [])
    if (loop) return loop
  }
  return undefined
}

const FOLDERS = Object.keys(MODULE_MAP).sort((a, b) => b.length - a.length)

/** The folder of the map that holds a path relative to src/, if any. */
export function folderOf(relative) {
  const posix = relative.split(path.sep).join('/')
  return FOLDERS.find((folder) => posix.startsWith(`${folder}/`))
}

/** What src/ may import from outside it: data, never code. */
const OUTSIDE_SRC = ['schemas/']

/**
 * Why an import from a file of src/ that leaves src/ breaks the map, or
 * undefined when it keeps to it: code comes from src/ (where the map sees
 * it) or from a package, never from build output (lib/, dist/), the
 * generators' folders or a package.json `imports` alias, which would hide
 * a loop through the build from this rule.
 * @param specifier The import as written.
 * @param toRoot Its target relative to the repository root, for a relative
 *   import; undefined for a bare or `#` specifier.
 */
export function outsideViolation(specifier, toRoot) {
  if (specifier.startsWith('#')) {
    return `src/ imports code only from src/ and from packages: ${specifier} is a package.json "imports" alias the module map cannot follow; import the module from src/`
  }
  if (toRoot === undefined) return undefined
  const posix = toRoot.split(path.sep).join('/')
  if (OUTSIDE_SRC.some((prefix) => posix.startsWith(prefix))) return undefined
  return `src/ imports code only from src/ and from packages: ${posix} is outside src/ (build output or another program), where the module map cannot see it; import the module from src/`
}

/**
 * Why an import from one file of src/ to another breaks the map, or
 * undefined when it keeps to it. Paths are relative to src/.
 */
export function mapViolation(fromFile, toFile) {
  const from = folderOf(fromFile)
  const to = folderOf(toFile)
  if (from === undefined || to === undefined || from === to) return undefined
  if (from.startsWith(`${to}/`)) {
    if (!MODULE_MAP[to].includes(from)) return undefined
    return `src/${from} may not import src/${to}: src/${to} imports src/${from}, so the import would make a loop; move what both need into a folder below them`
  }
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
      if (!source || typeof source.value !== 'string') return
      const report = (why) =>
        context.report({ node: source, messageId: 'violation', data: { why } })
      if (source.value.startsWith('#')) {
        report(outsideViolation(source.value, undefined))
        return
      }
      if (!source.value.startsWith('.')) return
      const target = path.resolve(path.dirname(file), source.value)
      const toFile = path.relative(src, target)
      if (toFile.startsWith('..')) {
        const why = outsideViolation(
          source.value,
          path.relative(context.cwd, target)
        )
        if (why) report(why)
        return
      }
      const why = mapViolation(fromFile, toFile)
      if (why) report(why)
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
