import { describe, expect, it } from '@jest/globals'
import {
  checkRunnable,
  planRunMode
} from '../../../../src/engines/local/notebook/runnable.js'
import { parseNotebook } from '../../../../src/notebooks/index.js'
import { magicCell, pyNotebook, sqlNotebook } from '../../support/repo.js'

describe('checkRunnable', () => {
  it('accepts SQL, Python, %sql and markdown cells', () => {
    const nb = parseNotebook(
      pyNotebook(
        magicCell('%md', '# Title'),
        'x = 1',
        magicCell('%sql', 'SELECT 1')
      ),
      'notebooks/a.py'
    )
    expect(checkRunnable(nb)).toEqual([])
    expect(planRunMode(nb)).toBe('python')
  })

  it('runs a .py notebook of %sql cells in DuckDB', () => {
    const nb = parseNotebook(
      pyNotebook(magicCell('%md', 'x'), magicCell('%sql', 'SELECT 1')),
      'notebooks/a.py'
    )
    expect(planRunMode(nb)).toBe('sql')
    expect(planRunMode(parseNotebook(sqlNotebook('SELECT 1'), 'n/b.sql'))).toBe(
      'sql'
    )
  })

  it('refuses a Scala notebook as a whole', () => {
    const nb = parseNotebook(
      '// Databricks notebook source\nval x = 1\n',
      'notebooks/job.scala'
    )
    expect(checkRunnable(nb)).toEqual([
      {
        notebook: 'notebooks/job.scala',
        line: 1,
        message:
          'notebooks/job.scala: Scala notebooks cannot run locally (the local engine runs SQL in DuckDB and Python with python3); run this flow with a Databricks profile, or rewrite the notebook in Python or SQL.'
      }
    ])
  })

  it('names every cell it cannot run, with its line', () => {
    const nb = parseNotebook(
      pyNotebook(
        '# MAGIC %pip install requests',
        'x = 1',
        magicCell('%scala', 'val y = 2'),
        '# MAGIC %run ./setup',
        magicCell('%sh', 'ls')
      ),
      'notebooks/a.py'
    )
    const problems = checkRunnable(nb)
    expect(problems.map((p) => [p.line, p.cell])).toEqual([
      [2, 0],
      [10, 2],
      [15, 3],
      [19, 4]
    ])
    expect(problems[0].message).toMatch(
      /^notebooks\/a\.py:2: a %pip cell cannot run locally: .*\(pip install requests\)/
    )
    expect(problems[1].message).toContain('a %scala cell cannot run locally')
    expect(problems[2].message).toContain('a %run cell (./setup)')
    expect(problems[3].message).toContain('a %sh cell cannot run locally')
  })
})
