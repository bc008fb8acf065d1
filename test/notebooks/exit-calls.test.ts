import { describe, expect, it } from '@jest/globals'
import {
  findExitCalls,
  hasExit,
  parseNotebook
} from '../../src/notebooks/index.js'
import { parseFixture } from './fixture.js'

describe('findExitCalls', () => {
  it('finds guarded and final calls, not comments or strings', () => {
    const notebook = parseFixture('exits.py')
    expect(findExitCalls(notebook)).toEqual([
      { cell: 0, line: 4, argument: '"already_done"', value: 'already_done' },
      { cell: 1, line: 10, argument: 'json.dumps(result)' }
    ])
    expect(hasExit(notebook)).toBe(true)
  })

  it('finds a call inside a %python cell of a SQL notebook', () => {
    const text =
      '-- Databricks notebook source\nSELECT 1;\n\n-- COMMAND ----------\n\n' +
      "-- MAGIC %python\n-- MAGIC dbutils.notebook.exit(f'rows={n}')\n"
    expect(findExitCalls(parseNotebook(text, 'a.sql'))).toEqual([
      { cell: 1, line: 7, argument: "f'rows={n}'" }
    ])
  })

  it('finds a call in an .ipynb cell', () => {
    expect(findExitCalls(parseFixture('legacy_report.ipynb'))).toEqual([
      { cell: 2, line: 1, argument: '"ok"', value: 'ok' }
    ])
  })

  it('says a notebook without a call has none', () => {
    expect(hasExit(parseFixture('ingest_orders.py'))).toBe(true)
    expect(hasExit(parseFixture('serverless.py'))).toBe(false)
  })
})
