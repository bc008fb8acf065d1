import { describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { planBwrapArgs } from '../../../src/engines/local/bwrap.js'
import {
  planPythonCommand,
  planPythonEnv
} from '../../../src/engines/local/python-env.js'
import { createTableWatch } from '../../../src/engines/local/table-watch.js'
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

describe('the table watch', () => {
  it('notices a rewrite that keeps the size, and forgets what it recorded', async () => {
    const root = await makeRepo({ 'a.csv': 'x\n1\n', 'b.csv': 'x\n1\n' })
    try {
      const a = path.join(root, 'a.csv')
      const b = path.join(root, 'b.csv')
      const watch = await createTableWatch([
        { table: 'a', path: a },
        { table: 'b', path: b }
      ])
      expect(await watch.changed(new Set())).toEqual([])
      await writeFile(a, 'x\n2\n')
      expect(await watch.changed(new Set())).toEqual([{ table: 'a', path: a }])
      expect(await watch.changed(new Set([a]))).toEqual([])
      await watch.record([a])
      expect(await watch.changed(new Set())).toEqual([])
    } finally {
      await removeRepo(root)
    }
  })
})
