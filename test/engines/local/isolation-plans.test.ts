import { describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { planBwrapArgs } from '../../../src/engines/local/python/bwrap.js'
import {
  planPythonCommand,
  planPythonEnv
} from '../../../src/engines/local/python/python-env.js'
import { createRunGuard } from '../../../src/engines/local/guard/run-guard.js'
import { makeRepo, removeRepo } from '../support/repo.js'

describe('what a Python step is given', () => {
  it('an environment of a few names, none from the CLI but harmless ones', () => {
    expect(
      planPythonEnv({
        executable: '/opt/py/bin/python3',
        home: '/home/u',
        tmp: '/r/work/s',
        from: {
          TZ: 'UTC',
          GITHUB_TOKEN: 'x',
          PATH: '/secret/bin',
          DTFLW_PYTHON: 'p'
        }
      })
    ).toEqual({
      PATH: '/opt/py/bin:/usr/local/bin:/usr/bin:/bin',
      HOME: '/home/u',
      TMPDIR: '/r/work/s',
      LANG: 'C.UTF-8',
      PYTHONUNBUFFERED: '1',
      PYTHONDONTWRITEBYTECODE: '1',
      PYSPARK_PYTHON: '/opt/py/bin/python3',
      TZ: 'UTC'
    })
  })

  it('the interpreter: DTFLW_PYTHON, else the profile, else python3 resolved', () => {
    expect(planPythonCommand('py-profile', 'py-env')).toEqual({
      command: 'py-env',
      resolve: false
    })
    expect(planPythonCommand('py-profile', undefined)).toEqual({
      command: 'py-profile',
      resolve: false
    })
    expect(planPythonCommand(undefined, '')).toEqual({
      command: 'python3',
      resolve: true
    })
  })

  it('a strict sandbox: the repository read-only without .dtflw, inputs read-only, staging writable', () => {
    const args = planBwrapArgs({
      root: '/repo',
      hidden: ['/repo/.env'],
      empty: '/repo/.dtflw/runs/r/work/s/.empty',
      system: ['/opt/py'],
      readOnly: ['/repo/.dtflw/data/a/t.parquet'],
      writable: ['/repo/.dtflw/data/b/.dtflw-staging-1']
    })
    const at = (...pair: string[]) =>
      args.findIndex((a, i) => pair.every((p, j) => args[i + j] === p))
    expect(args.slice(0, 3)).toEqual([
      '--die-with-parent',
      '--new-session',
      '--unshare-all'
    ])
    expect(at('--ro-bind', '/repo', '/repo')).toBeGreaterThan(0)
    expect(at('--tmpfs', '/repo/.dtflw')).toBeGreaterThan(
      at('--ro-bind', '/repo', '/repo')
    )
    expect(
      at('--ro-bind', '/repo/.dtflw/runs/r/work/s/.empty', '/repo/.env')
    ).toBeGreaterThan(0)
    // Later binds win: the input and staging show through the hidden .dtflw.
    expect(
      at(
        '--ro-bind',
        '/repo/.dtflw/data/a/t.parquet',
        '/repo/.dtflw/data/a/t.parquet'
      )
    ).toBeGreaterThan(at('--tmpfs', '/repo/.dtflw'))
    expect(
      at(
        '--bind',
        '/repo/.dtflw/data/b/.dtflw-staging-1',
        '/repo/.dtflw/data/b/.dtflw-staging-1'
      )
    ).toBeGreaterThan(at('--tmpfs', '/repo/.dtflw'))
    expect(args.slice(-2)).toEqual(['--chdir', '/repo'])
  })
})

describe('the run guard', () => {
  const guarded = { reads: [], writes: [], outputParams: [] }

  it('notices a rewrite that keeps the size, fails the step that could write, and puts the file back', async () => {
    const root = await makeRepo({ 'a.csv': 'x\n1\n', 'b.csv': 'x\n1\n' })
    try {
      const a = path.join(root, 'a.csv')
      const b = path.join(root, 'b.csv')
      const guard = await createRunGuard({
        root,
        tableRoot: path.join(root, 'tables'),
        places: [
          { path: a, name: 'table "a"', kind: 'table' },
          { path: b, name: 'source "b"', kind: 'source' }
        ],
        skip: [],
        keepCopies: true,
        vaultDir: path.join(root, '.kept'),
        asideDir: path.join(root, 'changed')
      })
      guard.begin('quiet', { ...guarded, enforced: false })
      expect(await guard.end('quiet', false)).toEqual({ notes: [] })
      guard.begin('sneaky', { ...guarded, enforced: false })
      await writeFile(a, 'x\n2\n')
      const verdict = await guard.end('sneaky', false)
      expect(verdict.error).toEqual({
        kind: 'undeclared-write',
        table: 'a',
        message:
          'table "a" (a.csv) changed while step "sneaky" ran, and it does not declare it as an output: declare the output in dtflw.yaml, or stop writing there (sandbox: strict makes such writes fail).'
      })
      expect(await readFile(a, 'utf8')).toBe('x\n1\n')
      expect(await readFile(path.join(root, 'changed/3-a.csv'), 'utf8')).toBe(
        'x\n2\n'
      )
      // Put back, the file is as recorded: the next step sees no change.
      guard.begin('next', { ...guarded, enforced: false })
      expect(await guard.end('next', false)).toEqual({ notes: [] })
      await guard.close()
    } finally {
      await removeRepo(root)
    }
  })

  it('blames a change on the steps it cannot hold, not on the held step that ended', async () => {
    const root = await makeRepo({ 'raw.csv': 'x\n1\n' })
    try {
      const raw = path.join(root, 'raw.csv')
      const guard = await createRunGuard({
        root,
        tableRoot: path.join(root, 'tables'),
        places: [{ path: raw, name: 'source "raw"', kind: 'source' }],
        skip: [],
        keepCopies: true,
        vaultDir: path.join(root, '.kept'),
        asideDir: path.join(root, 'changed')
      })
      guard.begin('python', { ...guarded, enforced: false })
      guard.begin('sql', { ...guarded, enforced: true, reads: [raw] })
      guard.begin('reader', { ...guarded, enforced: true, reads: [raw] })
      await writeFile(raw, 'x\n666\n')
      expect((await guard.end('sql', false)).error).toBeUndefined()
      expect((await guard.end('python', false)).error?.message).toBe(
        'source "raw" (raw.csv) changed while step "python" ran: sources are read-only; stop writing there (sandbox: strict makes such writes fail).'
      )
      expect((await guard.end('reader', false)).error?.message).toMatch(
        /^source "raw" \(raw.csv\) changed while step "reader" read it, so its result cannot be trusted/
      )
      expect(await readFile(raw, 'utf8')).toBe('x\n1\n')
      await guard.close()
    } finally {
      await removeRepo(root)
    }
  })
})
