import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { runCli } from '../support/cli.js'
import { makeRepo, removeRepo } from '../profiles/support.js'

const NOTEBOOK = '-- Databricks notebook source\nSELECT 1\n'
const PROFILE = 'engine: local\ntables: { layout: path, root: .dtflw/data }\n'

function manifest(notebook: string): string {
  return `pipeline: p\nflow:\n  - notebook: ${notebook}\n`
}

let repos: string[] = []
afterEach(async () => {
  await Promise.all(repos.map(removeRepo))
  repos = []
})

async function repo(files: Record<string, string>): Promise<string> {
  const root = await makeRepo({
    'profiles/development.yaml': PROFILE,
    ...files
  })
  repos.push(root)
  return root
}

/** What a user sees: stderr lines, then the exit code. */
async function validate(root: string): Promise<[string[], number | null]> {
  const run = await runCli(['validate'], root, { timeoutMs: 20000 })
  return [run.stderr.trim().split('\n'), run.code]
}

describe('notebook paths that are not regular files inside the repository', () => {
  it('refuses a named pipe without opening it (validate used to hang)', async () => {
    const root = await repo({ 'dtflw.yaml': manifest('notebooks/pipe.sql') })
    await mkdir(path.join(root, 'notebooks'))
    execFileSync('mkfifo', [path.join(root, 'notebooks/pipe.sql')])
    const started = Date.now()
    expect(await validate(root)).toEqual([
      [
        'dtflw.yaml:3:15: error: notebook "notebooks/pipe.sql" of step "pipe" is a named pipe (FIFO), not a file; dtflw never reads from pipes, since a read would wait for a writer.'
      ],
      2
    ])
    expect(Date.now() - started).toBeLessThan(15000)
  })

  it('refuses a symbolic link to a file outside the repository', async () => {
    const outside = await repo({ 'elsewhere.sql': NOTEBOOK })
    const root = await repo({ 'dtflw.yaml': manifest('notebooks/link.sql') })
    await mkdir(path.join(root, 'notebooks'))
    await symlink(
      path.join(outside, 'elsewhere.sql'),
      path.join(root, 'notebooks/link.sql')
    )
    expect((await validate(root))[0][0]).toBe(
      'dtflw.yaml:3:15: error: notebook "notebooks/link.sql" of step "link" is a symbolic link to a file outside the repository; copy the file into the repository instead.'
    )
  })

  it('accepts a symbolic link to a notebook inside the repository', async () => {
    const root = await repo({
      'dtflw.yaml': manifest('notebooks/link.sql'),
      'shared/real.sql': NOTEBOOK
    })
    await mkdir(path.join(root, 'notebooks'))
    await symlink('../shared/real.sql', path.join(root, 'notebooks/link.sql'))
    const run = await runCli(['validate'], root)
    expect([run.stdout.trim(), run.code]).toEqual([
      'Valid: 1 step and 1 profile (development).',
      0
    ])
  })
})

describe('text that is not UTF-8', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1')

  it('in dtflw.yaml: an error at the bad byte', async () => {
    const root = await repo({ 'notebooks/a.sql': NOTEBOOK })
    await writeFile(
      path.join(root, 'dtflw.yaml'),
      latin1(
        'pipeline: p\nflow:\n  - notebook: notebooks/a.sql\n    outputs: [café]\n'
      )
    )
    expect(await validate(root)).toEqual([
      [
        'dtflw.yaml:4:18: error: dtflw.yaml is not valid UTF-8: byte 0xE9 at line 4, column 18 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8.'
      ],
      2
    ])
  })

  it('in a profile and in a notebook: errors where the bytes are', async () => {
    const root = await repo({
      'dtflw.yaml': manifest('notebooks/a.sql'),
      'profiles/development.yaml': PROFILE
    })
    await writeFile(
      path.join(root, 'profiles/test.yaml'),
      latin1('extends: development\nvariables: { city: "Zürich" }\n')
    )
    await mkdir(path.join(root, 'notebooks'))
    await writeFile(
      path.join(root, 'notebooks/a.sql'),
      latin1('-- Databricks notebook source\n-- Grüße\nSELECT 1\n')
    )
    expect(await validate(root)).toEqual([
      [
        'notebooks/a.sql:2:6: error: notebook notebooks/a.sql is not valid UTF-8: byte 0xFC at line 2, column 6 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8.',
        'profiles/test.yaml:2:22: error: profile profiles/test.yaml is not valid UTF-8: byte 0xFC at line 2, column 22 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8.'
      ],
      2
    ])
  })
})

describe('structure no YAML should have', () => {
  it('says a 20,000-deep nesting is too deep, where, instead of overflowing', async () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000)
    const root = await repo({
      'dtflw.yaml': `pipeline: p\nflow:\n  - notebook: a.sql\n    args: ${deep}\n`
    })
    const [lines, code] = await validate(root)
    expect(code).toBe(2)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^dtflw\.yaml:4:\d+: error: nesting too deep: mappings and lists nest more than 64 levels here; flatten the structure$/
    )
  })

  it('says so for nesting the YAML library still reads, too', async () => {
    const deep = '{a: '.repeat(200) + '1' + '}'.repeat(200)
    const root = await repo({
      'dtflw.yaml': `pipeline: p\nflow:\n  - notebook: a.sql\n    args: ${deep}\n`
    })
    const [lines, code] = await validate(root)
    expect([lines, code]).toEqual([
      [
        'dtflw.yaml:4:259: error: nesting too deep: mappings and lists nest more than 64 levels here; flatten the structure'
      ],
      2
    ])
  })
})
