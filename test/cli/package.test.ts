import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot } from '../support/cli.js'

interface Packed {
  readonly files: readonly { readonly path: string }[]
}

/** What `npm publish` would put in the package, from npm itself. */
function packedFiles(): string[] {
  const out = execFileSync(
    'npm',
    ['pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
  )
  return (JSON.parse(out) as Packed[])[0].files.map((f) => f.path)
}

describe('the npm package create-dtflw-pipeline', () => {
  const files = packedFiles()

  it('ships what runs: both bins, the CLI bundle, the generators, the schemas and the license', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/dtflw.js',
        'bin/create-dtflw-pipeline.js',
        'dist/cli/index.js',
        'dist/cli/create.js',
        'dist/cli/generators.js',
        'dist/cli/chunks/sql-worker.js',
        'dist/cli/chunks/python/dtflw_harness.py',
        'dist/cli/chunks/python/dtflw_data_diff.py',
        'generators/app/index.js',
        'generators/app/templates/pipeline/_gitignore',
        'generators/app/templates/pipeline/_npmrc',
        'generators/notebook/index.js',
        'generators/notebook/templates/scd2.sql',
        'schemas/dtflw.schema.json',
        'LICENSE',
        'README.md'
      ])
    )
  })

  it('ships the code once, in the CLI bundle: no compiled tree (lib/), and generators/ holds only the two Yeoman entries and their templates', () => {
    expect(files.filter((f) => f.startsWith('lib/'))).toEqual([])
    expect(
      files.filter(
        (f) =>
          f.startsWith('generators/') &&
          !/^generators\/(app|notebook)\/templates\//.test(f)
      )
    ).toEqual(['generators/app/index.js', 'generators/notebook/index.js'])
  })

  it('ships no tests, benchmarks, source maps or the Action bundle (the Action runs from its repository)', () => {
    const stray = files.filter(
      (f) =>
        /^(lib|test|bench)\//.test(f) ||
        f.endsWith('.map') ||
        f.startsWith('dist/action/') ||
        /(^|\/)test_[^/]*\.py$/.test(f)
    )
    expect(stray).toEqual([])
  })

  it('declares the license it ships, and the Node versions its bins accept', async () => {
    const pkg = JSON.parse(
      await readFile(path.join(repoRoot, 'package.json'), 'utf8')
    ) as { license: string; engines: { node: string } }
    const license = await readFile(path.join(repoRoot, 'LICENSE'), 'utf8')
    expect(pkg.license).toBe('BSD-3-Clause')
    expect(license).toMatch(/^BSD 3-Clause License/)
    expect(pkg.engines.node).toBe('^22.18.0 || >=24.11.0')
  })

  it('is not rebuilt by npm install or npm test when nothing it is built from changed', async () => {
    // npm test has just built (pretest); the next build must find the stamp.
    const bundle = path.join(repoRoot, 'dist', 'cli', 'index.js')
    const before = (await stat(bundle)).mtimeMs
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot })
    expect((await stat(bundle)).mtimeMs).toBe(before)
  })
})
