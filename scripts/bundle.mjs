// Bundles the entry points into dist/ as single ESM files, the way a GitHub
// runner runs an action: `node dist/<entry>.js` with no node_modules beside
// it. DuckDB's native addon cannot be bundled: it stays external and is
// imported only when a local run needs it (from the pipeline repository's
// node_modules when the bundle has none). The local engine's SQL worker is
// an entry of its own (it runs in a child process), and its Python harness
// (and the Databricks data diff notebook) is copied beside the compiled code
// in lib/ and beside each bundle's chunks, where the code looks for them.
import { readFileSync } from 'node:fs'
import { cp, mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { build } from 'esbuild'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))

// Chunk names carry a content hash: a chunk of an earlier build would stay
// beside the new ones and be committed with them.
await rm('dist', { recursive: true, force: true })

// The Action never adds steps: `dtflw add`'s module (and its templates)
// stays out of its bundle, an import that the Action never runs.
const withoutSteps = {
  name: 'without-steps',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/steps\/index\.js$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'commands', 'add.ts'))
        ? { path: args.path, external: true }
        : undefined
    )
  }
}

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  // The CLI runs on every maintained Node LTS; the Action's bundles below
  // run on the runner's node24.
  target: 'node22.18',
  format: 'esm',
  // Code a command may not need (the engines, the Databricks client, the
  // step templates) goes into chunks that `import()` loads on demand, so a
  // `validate` does not load HTTP, workers or the DuckDB glue.
  // Whitespace and syntax only: names stay readable in a stack trace, and
  // the Action's bundle stays under 2 MB (comments, with their build-machine
  // paths, are dropped, so any checkout builds the same bytes).
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['@duckdb/node-api'],
  define: { __DTFLW_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies still call require().
  banner: {
    js: "import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);"
  },
  legalComments: 'linked',
  logLevel: 'warning'
}

await build({
  ...common,
  entryPoints: {
    'cli/index': 'src/cli/index.ts',
    // `create-dtflw-pipeline` (bin/create-dtflw-pipeline.js), and the two
    // Yeoman generators that generators/*/index.js publish: one program
    // with the CLI, sharing its chunks.
    'cli/create': 'src/generators/create.ts',
    'cli/generators': 'src/generators/index.ts',
    // The local engine's chunk finds its worker and harness beside it.
    'cli/chunks/sql-worker': 'src/engines/local/sql/sql-worker.ts'
  },
  splitting: true,
  chunkNames: 'cli/chunks/[name]-[hash]',
  // Yeoman is a dependency of the package, loaded only by the generators:
  // it runs from node_modules as it is, not from the bundle.
  external: [...common.external, 'yeoman-environment', 'yeoman-generator']
})

await build({
  ...common,
  entryPoints: {
    'action/index': 'src/action/index.ts',
    'action/post': 'src/action/post-index.ts',
    'action/chunks/sql-worker': 'src/engines/local/sql/sql-worker.ts'
  },
  target: 'node24',
  splitting: true,
  chunkNames: 'action/chunks/[name]-[hash]',
  plugins: [withoutSteps]
})

// Python files the bundles carry: the local engine's harness, and the data
// diff notebook a preview's deploy uploads to Databricks (found beside
// whichever chunk holds the code that reads it).
const pythonFiles = [
  ['src/engines/local/python', 'lib/src/engines/local/python'],
  ['src/diff/python', 'lib/src/diff/python']
]
for (const [source, compiled] of pythonFiles) {
  for (const target of [
    compiled,
    'dist/cli/chunks/python',
    'dist/action/chunks/python'
  ]) {
    await mkdir(target, { recursive: true })
    for (const file of await readdir(source)) {
      if (file.endsWith('.py') && !file.startsWith('test_')) {
        await cp(path.join(source, file), path.join(target, file))
      }
    }
  }
}
