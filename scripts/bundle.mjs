// Bundles the entry points into dist/ as single ESM files, the way a GitHub
// runner runs an action: `node dist/<entry>.js` with no node_modules beside
// it, except native addons, which cannot be bundled and stay external.
// The local engine's SQL worker is an entry of its own (it runs in a child
// process), and its Python harness is copied beside the compiled code in
// lib/ and beside the bundle, where the engine looks for it.
import { build } from 'esbuild'
import { cp, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'

const entries = {
  'cli/index': 'src/cli/index.ts',
  'cli/sql-worker': 'src/engines/local/sql-worker.ts'
}

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  external: ['@duckdb/node-api'],
  // Bundled CommonJS dependencies still call require().
  banner: {
    js: "import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);"
  },
  legalComments: 'linked',
  logLevel: 'warning'
})

const harness = 'src/engines/local/python'
for (const target of ['lib/src/engines/local/python', 'dist/cli/python']) {
  await mkdir(target, { recursive: true })
  for (const file of await readdir(harness)) {
    if (file.endsWith('.py') && !file.startsWith('test_')) {
      await cp(path.join(harness, file), path.join(target, file))
    }
  }
}
