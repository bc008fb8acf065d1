import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { main } from '../../src/generators/create.js'
import { planScaffold } from '../../src/scaffold/index.js'
import { repoRoot } from '../support/cli.js'
import {
  answersOf,
  makeTempDir,
  readTree,
  removeDir,
  runCreate
} from './support.js'
import { readFile } from 'node:fs/promises'

const version = JSON.parse(
  await readFile(path.join(repoRoot, 'package.json'), 'utf8')
).version as string

describe('create-dtflw-pipeline', () => {
  let cwd: string
  beforeAll(async () => {
    cwd = await makeTempDir()
  })
  afterAll(() => removeDir(cwd))

  it('passes its options to the generator and prints the next commands', async () => {
    const run = await runCreate(
      [
        'lake',
        '--skip-install',
        '--name',
        'lake_orders',
        '--language',
        'python',
        '--layout',
        'path',
        '--storage-root',
        'gs://bucket/pipelines',
        '--compute',
        'new-cluster',
        '--node-type',
        'n2-highmem-4',
        '--no-samples'
      ],
      cwd
    )
    expect([run.code, run.stdout]).toEqual([
      0,
      [
        '',
        'Created pipeline lake_orders in lake.',
        '',
        'Next:',
        '  cd lake',
        '  npm install',
        '  python3 -m pip install -r requirements.txt',
        '  npx --no dtflw validate',
        '  npx --no dtflw run --profile development',
        '',
        'Then push it to GitHub and set up its environments: see "Set up GitHub" in README.md.',
        ''
      ].join('\n')
    ])
    // Stdin is not a terminal here: nothing was asked, the rest defaulted.
    const answers = answersOf(
      {
        name: 'lake_orders',
        language: 'python',
        layout: 'path',
        storageRoot: 'gs://bucket/pipelines',
        compute: 'new-cluster',
        nodeType: 'n2-highmem-4',
        samples: false
      },
      'lake'
    )
    const expected = Object.fromEntries(
      (await planScaffold(answers, { version })).map((f) => [f.path, f.content])
    )
    expect(await readTree(path.join(cwd, 'lake'))).toEqual(expected)
  })

  it('refuses a folder that is not empty: exit 2, nothing written', async () => {
    const dir = path.join(cwd, 'taken')
    await mkdir(path.join(dir, '.git'), { recursive: true })
    await writeFile(path.join(dir, 'README.md'), '# mine\n')
    const run = await runCreate(['taken', '--yes', '--skip-install'], cwd)
    expect([run.code, run.stderr, run.stdout]).toEqual([
      2,
      'create-dtflw-pipeline: folder taken is not empty (it has README.md); choose a new folder, empty this one, or pass --force to write into it.\n',
      ''
    ])
    expect((await readdir(dir)).sort()).toEqual(['.git', 'README.md'])
    const forced = await runCreate(
      ['taken', '--yes', '--skip-install', '--force'],
      cwd
    )
    expect(forced.code).toBe(0)
    expect(await readdir(dir)).toContain('dtflw.yaml')
  })

  it('takes a folder holding only .git as empty, and "." as the folder', async () => {
    const dir = path.join(cwd, 'clone')
    await mkdir(path.join(dir, '.git'), { recursive: true })
    const run = await runCreate(['.', '--skip-install'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Created pipeline clone in .')
    expect(run.stdout).not.toContain('cd ')
    expect(await readdir(dir)).toContain('dtflw.yaml')
  })

  it('refuses bad usage with exit 2 and says why', async () => {
    const typo = await runCreate(['x', '--langauge', 'sql'], cwd)
    expect([typo.code, typo.stderr]).toEqual([
      2,
      `create-dtflw-pipeline: unknown option '--langauge'; did you mean "--language"?\n`
    ])
    const name = await runCreate(['--name', 'My Pipeline'], cwd)
    expect([name.code, name.stderr]).toEqual([
      2,
      'create-dtflw-pipeline: pipeline name "My Pipeline" is not a valid identifier: it has uppercase letters; " " is not allowed. A pipeline name starts with a lowercase letter and has only lowercase letters, digits and underscores, at most 64 (e.g. sales_orders).\n'
    ])
    const two = await runCreate(['a', 'b'], cwd)
    expect([two.code, two.stderr]).toEqual([
      2,
      'create-dtflw-pipeline: takes one folder, got "a" "b"; quote a folder name with spaces.\n'
    ])
    expect(await readdir(cwd)).not.toEqual(expect.arrayContaining(['x', 'a']))
  })

  it('shows its options with --help', async () => {
    const run = await runCreate(['--help'], cwd)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'Usage: npm init dtflw-pipeline [DIRECTORY] -- [options]'
    )
    expect(run.stdout).toMatch(
      /--compute serverless\|existing-cluster\|new-cluster\s+Compute/
    )
    expect(run.stdout).toContain('--samples / --no-samples')
  })

  it("takes npm's --yes (npm_config_yes) on a terminal: asks nothing", async () => {
    // `npm init dtflw-pipeline dir --yes` keeps --yes for npm, which hands
    // it on only as npm_config_yes; on a terminal the generator would ask.
    let out = ''
    const code = await main({
      argv: ['asked-nothing', '--skip-install'],
      cwd,
      env: { npm_config_yes: 'true' },
      stdin: { isTTY: true },
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true }
    })
    expect(code).toBe(0)
    expect(out).toContain('Created pipeline asked_nothing in asked-nothing.')
  })
})
