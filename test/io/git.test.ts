import {
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  realpath,
  rm,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  checkoutRefToTemp,
  tryGitTopLevel,
  tryReadGitSha
} from '../../src/io/index.js'
import { git as gitIn } from '../support/git.js'

// A repository whose pipeline sits in a subfolder, committed once on main
// and then edited in the working tree.
let top: string
let pipeline: string
let outside: string
let headSha: string
const made: string[] = []

const git = (...args: string[]): string => gitIn(top, ...args)

beforeAll(async () => {
  top = await realpath(await mkdtemp(path.join(tmpdir(), 'dtflw-git-')))
  outside = await mkdtemp(path.join(tmpdir(), 'dtflw-nogit-'))
  pipeline = path.join(top, 'pipelines', 'sales')
  await mkdir(path.join(pipeline, 'notebooks'), { recursive: true })
  await writeFile(path.join(pipeline, 'dtflw.yaml'), 'pipeline: sales\n')
  await writeFile(path.join(pipeline, 'notebooks/a.sql'), 'SELECT 1\n')
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  headSha = git('rev-parse', 'HEAD')
  await writeFile(path.join(pipeline, 'notebooks/a.sql'), 'SELECT 2\n')
  await writeFile(path.join(pipeline, 'notebooks/new.sql'), 'SELECT 3\n')
})
afterAll(async () => {
  for (const dir of [top, outside, ...made]) {
    await rm(dir, { recursive: true, force: true })
  }
})

describe('tryReadGitSha', () => {
  it("prefers the runner's GITHUB_SHA, which names the merge commit being built", async () => {
    expect(await tryReadGitSha(outside, { GITHUB_SHA: 'abc123' })).toBe(
      'abc123'
    )
  })

  it('reads HEAD in a checkout, and gives undefined outside one', async () => {
    expect(await tryReadGitSha(pipeline, {})).toBe(headSha)
    expect(await tryReadGitSha(outside, {})).toBeUndefined()
  })
})

describe('tryGitTopLevel', () => {
  it('finds the top of the repository from a subfolder', async () => {
    expect(await tryGitTopLevel(pipeline)).toBe(top)
    expect(await tryGitTopLevel(outside)).toBeUndefined()
  })
})

describe('checkoutRefToTemp', () => {
  it("writes the ref's committed tree and returns the pipeline's folder in it", async () => {
    const checkout = await checkoutRefToTemp(pipeline, 'main')
    if ('error' in checkout) throw new Error(checkout.error)
    made.push(checkout.top)
    expect(checkout.dir).toBe(path.join(checkout.top, 'pipelines', 'sales'))
    expect(
      await readFile(path.join(checkout.dir, 'notebooks/a.sql'), 'utf8')
    ).toBe('SELECT 1\n')
    // Working-tree edits and untracked files are not part of the base.
    expect(await readdir(path.join(checkout.dir, 'notebooks'))).toEqual([
      'a.sql'
    ])
    expect(await readFile(path.join(pipeline, 'notebooks/a.sql'), 'utf8')).toBe(
      'SELECT 2\n'
    )
  })

  it('says to fetch a ref git does not know', async () => {
    expect(await checkoutRefToTemp(pipeline, 'origin/nope')).toEqual({
      error:
        'git does not know the ref "origin/nope" (fetch it first, e.g. git fetch origin origin/nope)'
    })
  })

  it('refuses a folder outside any repository', async () => {
    expect(await checkoutRefToTemp(outside, 'main')).toEqual({
      error: `${outside} is not inside a git repository`
    })
  })
})
