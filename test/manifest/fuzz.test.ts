import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { runCommand } from '../../src/commands/index.js'
import {
  DtflwError,
  InternalError,
  type Diagnostic
} from '../../src/diagnostics/index.js'
import {
  buildFlow,
  checkProfileAgainstFlow,
  planFlow
} from '../../src/flow/index.js'
import type { Flow } from '../../src/flow/index.js'
import { parseManifest } from '../../src/manifest/index.js'
import {
  parseProfileFile,
  resolveProfile,
  type ProfileFile
} from '../../src/profiles/index.js'
import { repoRoot } from '../support/cli.js'
import { mutations } from '../support/mutate.js'

// Whatever a user writes, dtflw answers with a located problem and exit 2,
// never with "internal error" (exit 70). Truncations and mutations of the
// sample pipeline, seeded, so a failure names a reproducible input.

const sample = path.join(repoRoot, 'examples/sales')
const manifestText = readFileSync(path.join(sample, 'dtflw.yaml'), 'utf8')
const profileTexts = Object.fromEntries(
  readdirSync(path.join(sample, 'profiles')).map((f) => [
    f.replace(/\.yaml$/, ''),
    readFileSync(path.join(sample, 'profiles', f), 'utf8')
  ])
)
const env = { DATABRICKS_HOST: 'https://h', DATABRICKS_TOKEN: 'dapi-x' }

/** Runs `fn`; an error other than a user-facing DtflwError fails the test. */
function expectNoInternalError(input: string, fn: () => unknown): void {
  try {
    fn()
  } catch (error) {
    const known =
      error instanceof DtflwError && !(error instanceof InternalError)
    if (!known) {
      throw new Error(
        `input ${JSON.stringify(input)} gave ${(error as Error)?.stack ?? String(error)}`,
        { cause: error }
      )
    }
  }
}

function expectSound(input: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.code === 'internal' || !d.summary) {
      throw new Error(`input ${JSON.stringify(input)} gave ${d.summary}`)
    }
  }
}

function resolveAll(files: Record<string, ProfileFile>, name: string) {
  return resolveProfile({
    name,
    lookup: (n) => files[n],
    names: Object.keys(files),
    context: { env, pipeline: 'sales', gitSha: 'abc', preview: 'pr-1' }
  })
}

const salesFlow: Flow = buildFlow(
  parseManifest(manifestText, 'dtflw.yaml', sample).manifest!
).flow!
const parsedProfiles = Object.fromEntries(
  Object.entries(profileTexts).map(([n, t]) => [
    n,
    parseProfileFile(t, `profiles/${n}.yaml`)
  ])
)
const development = resolveAll(parsedProfiles, 'development').profile!

describe('no input makes an internal error', () => {
  it('in the manifest: 3,000 mutations through parse, build and plan', () => {
    let planned = 0
    for (const text of mutations([manifestText], 3000, 11)) {
      expectNoInternalError(text, () => {
        const parsed = parseManifest(text, 'dtflw.yaml', sample)
        expectSound(text, parsed.diagnostics)
        if (!parsed.manifest) return
        const built = buildFlow(parsed.manifest)
        expectSound(text, built.diagnostics)
        if (!built.flow) return
        planFlow(built.flow, development)
        planned++
      })
    }
    expect(planned).toBeGreaterThan(100)
  })

  it('in profiles: 3,000 mutations through extends, templates, schema and plan', () => {
    const names = Object.keys(profileTexts)
    let resolved = 0
    let i = 0
    for (const text of mutations(Object.values(profileTexts), 3000, 23)) {
      const name = names[i++ % names.length]
      expectNoInternalError(text, () => {
        const files = {
          ...parsedProfiles,
          [name]: parseProfileFile(text, `profiles/${name}.yaml`)
        }
        for (const target of ['production', 'development']) {
          const { profile, diagnostics } = resolveAll(files, target)
          expectSound(text, diagnostics)
          if (!profile) continue
          resolved++
          expectSound(text, checkProfileAgainstFlow(salesFlow, profile))
          planFlow(salesFlow, profile)
        }
      })
    }
    expect(resolved).toBeGreaterThan(100)
  })
})

describe('no input makes dtflw exit 70', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dtflw-fuzz-'))
  cpSync(sample, dir, { recursive: true })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('validate and plan of 120 mutated pipelines, as commands', async () => {
    const deps = { env, toolVersion: 'test', cores: 1 }
    const targets = [
      'dtflw.yaml',
      ...Object.keys(profileTexts).map((n) => `profiles/${n}.yaml`)
    ]
    const originals = targets.map((t) =>
      t === 'dtflw.yaml'
        ? manifestText
        : profileTexts[path.basename(t, '.yaml')]
    )
    let n = 0
    for (const text of mutations(originals, 120, 37)) {
      const target = targets[n++ % targets.length]
      await writeFile(path.join(dir, target), text)
      for (const command of ['validate', 'plan'] as const) {
        const result = await runCommand(
          {
            command,
            manifest: 'dtflw.yaml',
            cwd: dir,
            ...(command === 'plan' ? { profile: 'test' } : {})
          },
          deps
        )
        if (result.exitCode === 70) {
          throw new Error(
            `${command} of ${target} = ${JSON.stringify(text)}: ${result.diagnostics[0]?.summary}`
          )
        }
      }
      await writeFile(
        path.join(dir, target),
        originals[targets.indexOf(target)]
      )
    }
    expect(n).toBe(120)
  })
})
