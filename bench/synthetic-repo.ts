import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A manifest of `steps` steps and two outputs each; every step reads one
 * output of each of up to three earlier steps, so the graph is wide and deep.
 */
export function generateManifest(steps: number): string {
  const lines = ['pipeline: generated', 'sources:', '  raw: {}', 'flow:']
  let seed = 42
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  for (let i = 0; i < steps; i++) {
    lines.push(`  - notebook: ${notebookOf(i)}`)
    lines.push(`    args: { day: "\${var.day}" }`)
    lines.push(`    inputs: [${[...inputsOf(i, random)].join(', ')}]`)
    lines.push(`    outputs: [t${i}_0, t${i}_1]`)
  }
  return lines.join('\n') + '\n'
}

function inputsOf(i: number, random: () => number): Set<string> {
  const inputs = new Set<string>()
  if (i === 0) inputs.add('raw')
  for (let k = 0; k < 3 && i > 0; k++) {
    inputs.add(`t${Math.floor(random() * i)}_${k % 2}`)
  }
  return inputs
}

function notebookOf(i: number): string {
  return `notebooks/area${i % 50}/step${i}.py`
}

const DEVELOPMENT = `variables: { day: "2026-11-21" }
engine: local
tables: { layout: path, root: ".dtflw/data/\${profile}", format: parquet }
sources:
  raw: { path: data/raw.csv }
`

/** A repository on disk; `remove` deletes it. */
export interface SyntheticRepo {
  readonly dir: string
  remove(): Promise<void>
}

async function writeRepo(
  files: Record<string, string>
): Promise<SyntheticRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dtflw-bench-'))
  // Tens of thousands of small files: one after another, so no run hits the
  // limit of open files.
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, text)
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** A pipeline of `steps` steps with its notebooks and one local profile. */
export function writeStepsRepo(steps: number): Promise<SyntheticRepo> {
  const files: Record<string, string> = {
    'dtflw.yaml': generateManifest(steps),
    'profiles/development.yaml': DEVELOPMENT
  }
  for (let i = 0; i < steps; i++) {
    files[notebookOf(i)] =
      '# Databricks notebook source\nday = dbutils.widgets.get("day")\n'
  }
  return writeRepo(files)
}

/**
 * A pipeline with `sources` declared sources, all read by one step, and a
 * profile that places each of them.
 */
export function writeSourcesRepo(sources: number): Promise<SyntheticRepo> {
  const names = Array.from({ length: sources }, (_, i) => `src_${i}`)
  const manifest = [
    'pipeline: sources',
    'sources:',
    ...names.map((n) => `  ${n}: {}`),
    'flow:',
    '  - notebook: notebooks/read_all.py',
    `    inputs: [${names.join(', ')}]`,
    '    outputs: [all]',
    ''
  ].join('\n')
  const profile = [
    'engine: local',
    'tables: { layout: path, root: .dtflw/data }',
    'sources:',
    ...names.map((n) => `  ${n}: { path: data/${n}.csv }`),
    ''
  ].join('\n')
  return writeRepo({
    'dtflw.yaml': manifest,
    'profiles/development.yaml': profile,
    'notebooks/read_all.py': '# Databricks notebook source\nprint(1)\n'
  })
}

/**
 * A pipeline whose profiles form one `extends` chain `depth` long: p0 is
 * the base, each next one extends the one before and changes a variable,
 * and every one of them is a profile `validate` checks.
 */
export function writeChainRepo(depth: number): Promise<SyntheticRepo> {
  const files: Record<string, string> = {
    'dtflw.yaml': [
      'pipeline: chain',
      'sources: { raw: {} }',
      'flow:',
      '  - notebook: notebooks/a.py',
      '    args: { level: "${var.level}" }',
      '    inputs: [raw]',
      '    outputs: [a]',
      ''
    ].join('\n'),
    'notebooks/a.py': '# Databricks notebook source\nprint(1)\n',
    'profiles/p0.yaml':
      'variables: { level: "0" }\nengine: local\ntables: { layout: path, root: ".dtflw/data/${profile}" }\nsources:\n  raw: { path: data/raw.csv }\n'
  }
  for (let i = 1; i < depth; i++) {
    files[`profiles/p${i}.yaml`] =
      `extends: p${i - 1}\nvariables: { level: "${i}" }\n`
  }
  return writeRepo(files)
}
