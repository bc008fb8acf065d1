import { describe, expect, it } from '@jest/globals'
import { findRunTargets, parseNotebook } from '../../src/notebooks/index.js'
import { fixtureText, parseFixture } from './fixture.js'

describe('findRunTargets', () => {
  it('reads paths and $key=value arguments, not %run in markdown', () => {
    const notebook = parseNotebook(
      fixtureText('includes.py'),
      'pipelines/ingest/includes.py'
    )
    expect(findRunTargets(notebook)).toEqual([
      {
        path: './setup',
        resolved: 'pipelines/ingest/setup',
        args: {},
        cell: 0,
        line: 2
      },
      {
        path: '../shared/config',
        resolved: 'pipelines/shared/config',
        args: { env: 'dev', reset: 'false' },
        cell: 1,
        line: 6
      },
      { path: '/Shared/utils/common', args: {}, cell: 2, line: 10 },
      {
        path: '../My Folder/helpers',
        resolved: 'pipelines/My Folder/helpers',
        args: {},
        cell: 3,
        line: 14
      },
      {
        path: '/Users/someone@example.com/scratch',
        args: { catalog: '$catalog', path: 's3://bucket/a b' },
        cell: 4,
        line: 18
      }
    ])
  })

  it('reads %run cells of an .ipynb', () => {
    expect(findRunTargets(parseFixture('daily_sales.ipynb'))).toEqual([
      {
        path: './setup',
        resolved: 'notebooks/setup',
        args: { env: 'dev' },
        cell: 4,
        line: 77
      }
    ])
  })

  it('reads a bare relative name and a single-quoted path', () => {
    const text =
      '# Databricks notebook source\n# MAGIC %run common/utils\n\n' +
      "# COMMAND ----------\n\n# MAGIC %run './other.py'\n"
    expect(
      findRunTargets(parseNotebook(text, 'nb.py')).map((t) => t.resolved)
    ).toEqual(['common/utils', 'other.py'])
  })

  it('skips a %run without a path', () => {
    const text = '# Databricks notebook source\n# MAGIC %run\n'
    expect(findRunTargets(parseNotebook(text, 'nb.py'))).toEqual([])
  })
})
