// Bundles the entry points into dist/ as single ESM files, the way a GitHub
// runner runs an action: `node dist/<entry>.js` with no node_modules beside
// it, except native addons, which cannot be bundled and stay external.
import { build } from 'esbuild'

const entries = { 'cli/index': 'src/cli/index.ts' }

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
