#!/usr/bin/env node
/* global console, process */
// The build: schemas → validators, tsc → lib/ (the compiled tree that the
// benchmarks and a few tests run; the package ships only dist/cli),
// esbuild → dist/. It runs on every `npm install` (prepare) and before
// `npm test` (pretest), so it is skipped when nothing it reads changed
// since the last build: a stamp in lib/ holds the hash of every input.
// `--force` builds anyway.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = path.join(root, 'lib', '.build-stamp')
const INPUTS = [
  'src',
  'schemas',
  'scripts',
  'bench',
  'test/support/databricks-server',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'action.yml'
]
const OUTPUTS = [
  'lib/src',
  'dist/cli/index.js',
  'dist/cli/create.js',
  'dist/cli/generators.js',
  'dist/action/index.js'
]

/** Every input file's path and bytes, in a stable order. */
function inputHash() {
  const hash = createHash('sha256')
  const visit = (rel) => {
    const abs = path.join(root, rel)
    if (!existsSync(abs)) return
    const entries = readdirSync(abs, { withFileTypes: true, recursive: true })
    if (entries === undefined) return
    for (const file of entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .filter((f) => !f.includes(`${path.sep}__pycache__${path.sep}`))
      .sort()) {
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(path.join(root, file)))
    }
  }
  for (const rel of INPUTS) {
    const abs = path.join(root, rel)
    if (!existsSync(abs)) continue
    if (rel.includes('.'))
      hash.update(rel).update('\0').update(readFileSync(abs))
    else visit(rel)
  }
  return hash.digest('hex')
}

const force = process.argv.includes('--force')
const before = inputHash()
const built =
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === before &&
  OUTPUTS.every((o) => existsSync(path.join(root, o)))
if (built && !force) process.exit(0)

// tsc never removes what it no longer writes: a stale module (or source
// map) would be run, or published, as if it were built from this source.
rmSync(path.join(root, 'lib'), { recursive: true, force: true })

const steps = [
  ['node', ['scripts/compile-schemas.mjs']],
  [
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json'
    ]
  ],
  ['node', ['scripts/bundle.mjs']]
]
for (const [command, args] of steps) {
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) {
    console.error(`build failed: ${command} ${args.join(' ')}`)
    process.exit(run.status ?? 1)
  }
}
// Compiling the schemas may rewrite a generated validator: stamp what the
// inputs are now.
writeFileSync(STAMP, inputHash())
