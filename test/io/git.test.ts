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
  ensureCommit,
  isAncestorCommit,
  tryGitTopLevel,
  tryReadGitSha,
  tryResolveCommit
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

describe('tryResolveCommit', () => {
  it('gives the full sha of a branch, a short sha or HEAD', async () => {
    expect(await tryResolveCommit(pipeline, 'main')).toBe(headSha)
    expect(await tryResolveCommit(pipeline, headSha.slice(0, 10))).toBe(headSha)
    expect(await tryResolveCommit(pipeline, 'HEAD')).toBe(headSha)
  })

  it('gives undefined for a ref git does not know, or outside a repository', async () => {
    expect(await tryResolveCommit(pipeline, 'origin/nope')).toBeUndefined()
    expect(await tryResolveCommit(outside, 'HEAD')).toBeUndefined()
  })
})

describe('isAncestorCommit', () => {
  it('is true for a commit on the branch, false for one beside it or unknown', async () => {
    const side = await realpath(
      await mkdtemp(path.join(tmpdir(), 'dtflw-git-side-'))
    )
    made.push(side)
    gitIn(side, 'init', '-q', '-b', 'main')
    await writeFile(path.join(side, 'a.sql'), 'SELECT 1\n')
    gitIn(side, 'add', '-A')
    gitIn(side, 'commit', '-q', '-m', 'base')
    const base = gitIn(side, 'rev-parse', 'HEAD')
    gitIn(side, 'checkout', '-q', '-b', 'feature')
    await writeFile(path.join(side, 'a.sql'), 'SELECT 2\n')
    gitIn(side, 'commit', '-q', '-am', 'feature')
    const feature = gitIn(side, 'rev-parse', 'HEAD')
    expect(await isAncestorCommit(side, base, 'main')).toBe(true)
    expect(await isAncestorCommit(side, base, 'feature')).toBe(true)
    expect(await isAncestorCommit(side, feature, 'main')).toBe(false)
    expect(await isAncestorCommit(side, feature, 'origin/main')).toBe(false)
  })
})

describe('ensureCommit', () => {
  it('fetches a commit a shallow checkout lacks from origin, as the lineage diff needs its base', async () => {
    const origin = await realpath(
      await mkdtemp(path.join(tmpdir(), 'dtflw-git-origin-'))
    )
    made.push(origin)
    gitIn(origin, 'init', '-q', '-b', 'main')
    await writeFile(path.join(origin, 'a.sql'), 'SELECT 1\n')
    gitIn(origin, 'add', '-A')
    gitIn(origin, 'commit', '-q', '-m', 'base')
    const base = gitIn(origin, 'rev-parse', 'HEAD')
    await writeFile(path.join(origin, 'a.sql'), 'SELECT 2\n')
    gitIn(origin, 'commit', '-q', '-am', 'head')
    const clone = await realpath(
      await mkdtemp(path.join(tmpdir(), 'dtflw-git-clone-'))
    )
    made.push(clone)
    // As actions/checkout leaves it: the head commit only.
    gitIn(clone, 'clone', '-q', '--depth=1', `file://${origin}`, '.')
    expect(await tryResolveCommit(clone, base)).toBeUndefined()

    expect(await ensureCommit(clone, base)).toBe(true)
    expect(await tryResolveCommit(clone, base)).toBe(base)
    // A commit origin does not have either cannot be had.
    expect(await ensureCommit(clone, 'f'.repeat(40))).toBe(false)
  })
})
