import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  checkRegularFileInside,
  isDirectory,
  pathExists,
  toPosixRelative
} from '../../src/io/index.js'

// repo/ is the repository; outside/ is next to it, not in it.
let base: string
let repo: string
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'dtflw-files-'))
  repo = path.join(base, 'repo')
  await mkdir(path.join(repo, 'notebooks'), { recursive: true })
  await mkdir(path.join(base, 'outside'))
  await writeFile(path.join(repo, 'notebooks', 'load.sql'), 'SELECT 1')
  await writeFile(path.join(base, 'outside', 'secret.sql'), 'SELECT 2')
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const inRepo = (p: string) => path.join(repo, p)

describe('pathExists and isDirectory', () => {
  it('tell files, folders and nothing apart', async () => {
    expect(await pathExists(inRepo('notebooks/load.sql'))).toBe(true)
    expect(await pathExists(inRepo('notebooks'))).toBe(true)
    expect(await pathExists(inRepo('notebooks/nope.sql'))).toBe(false)
    expect(await isDirectory(inRepo('notebooks'))).toBe(true)
    expect(await isDirectory(inRepo('notebooks/load.sql'))).toBe(false)
    expect(await isDirectory(inRepo('nope'))).toBe(false)
  })
})

describe('checkRegularFileInside', () => {
  it('accepts a file, and a link to a file elsewhere in the repository', async () => {
    await symlink('notebooks/load.sql', inRepo('alias.sql'))
    expect(checkRegularFileInside(repo, inRepo('notebooks/load.sql'))).toBe(
      undefined
    )
    expect(checkRegularFileInside(repo, inRepo('alias.sql'))).toBe(undefined)
  })

  it('refuses a link out of the repository, since what runs must be what is committed', async () => {
    await symlink('../outside/secret.sql', inRepo('escape.sql'))
    expect(checkRegularFileInside(repo, inRepo('escape.sql'))).toEqual({
      code: 'outside',
      reason:
        'is a symbolic link to a file outside the repository; copy the file into the repository instead'
    })
  })

  it('says a link points at nothing, rather than that the link is missing', async () => {
    await symlink('notebooks/deleted.sql', inRepo('dangling.sql'))
    expect(checkRegularFileInside(repo, inRepo('dangling.sql'))).toEqual({
      code: 'missing',
      reason: 'is a symbolic link to a file that does not exist'
    })
    expect(checkRegularFileInside(repo, inRepo('never.sql'))).toEqual({
      code: 'missing',
      reason: 'does not exist'
    })
  })

  it('names a folder, a pipe, a link loop and a link to a folder', async () => {
    execFileSync('mkfifo', [inRepo('pipe.sql')])
    await symlink('loop-b.sql', inRepo('loop-a.sql'))
    await symlink('loop-a.sql', inRepo('loop-b.sql'))
    await symlink('notebooks', inRepo('folder-link.sql'))
    const code = (p: string) => checkRegularFileInside(repo, inRepo(p))?.code
    expect(code('notebooks')).toBe('directory')
    // Judged by lstat alone: a read would wait for a writer forever.
    expect(code('pipe.sql')).toBe('fifo')
    expect(code('loop-a.sql')).toBe('loop')
    expect(code('folder-link.sql')).toBe('directory')
  })

  it('follows the real path of a repository reached through a link', async () => {
    const linkedRoot = path.join(base, 'linked-repo')
    await symlink(repo, linkedRoot)
    expect(
      checkRegularFileInside(
        linkedRoot,
        path.join(linkedRoot, 'notebooks/load.sql')
      )
    ).toBe(undefined)
  })
})

describe('toPosixRelative', () => {
  it('gives forward-slash paths from the root, and "." for the root itself', () => {
    expect(toPosixRelative(repo, inRepo('notebooks/load.sql'))).toBe(
      'notebooks/load.sql'
    )
    expect(toPosixRelative(repo, repo)).toBe('.')
    expect(toPosixRelative(repo, path.join(base, 'outside/secret.sql'))).toBe(
      '../outside/secret.sql'
    )
  })
})
