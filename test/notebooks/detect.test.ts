import { describe, expect, it } from '@jest/globals'
import { formatText } from '../../src/diagnostics/index.js'
import {
  NotANotebookError,
  detectNotebook,
  parseNotebook
} from '../../src/notebooks/index.js'
import { fixtureText } from './fixture.js'

function failure(text: string, file: string): NotANotebookError {
  try {
    parseNotebook(text, file)
  } catch (error) {
    if (error instanceof NotANotebookError) return error
    throw error
  }
  throw new Error(`${file} was read as a notebook`)
}

describe('detectNotebook', () => {
  it.each([
    ['x.py', '# Databricks notebook source\nprint(1)\n', 'python'],
    ['x.sql', '-- Databricks notebook source\nSELECT 1\n', 'sql'],
    ['x.scala', '// Databricks notebook source\nval x = 1\n', 'scala'],
    ['x.r', '# Databricks notebook source\nx <- 1\n', 'r'],
    ['X.R', '# Databricks notebook source\nx <- 1\n', 'r'],
    ['x.SQL', '-- Databricks notebook source\nSELECT 1\n', 'sql']
  ])('reads %s by extension and header', (file, text, language) => {
    expect(detectNotebook(text, file)).toBe(language)
  })

  it('accepts the "exported at" suffix of old Databricks exports', () => {
    const header =
      '# Databricks notebook source exported at Sun, 26 Jun 2016 01:45:30 UTC'
    expect(detectNotebook(`${header}\nprint(1)`, 'old.py')).toBe('python')
    expect(detectNotebook(fixtureText('legacy_export.scala'), 'a.scala')).toBe(
      'scala'
    )
  })

  it('accepts a byte-order mark and a CRLF header', () => {
    const text = '\uFEFF-- Databricks notebook source\r\nSELECT 1\r\n'
    expect(detectNotebook(text, 'q.sql')).toBe('sql')
  })

  it('accepts a header-only notebook with no final newline', () => {
    expect(detectNotebook('# Databricks notebook source', 'e.py')).toBe(
      'python'
    )
  })

  it.each([
    ['a Fabric notebook', 'fabric.py', 'fabric.py'],
    ['SQL with separators but no header', 'pipeline_step.sql', 'step.sql'],
    ['a Scala header in a .py file', 'scala_saved_as.py', 'scala_saved_as.py'],
    ['a file without extension', 'stream_producer', 'stream_producer'],
    ['a notebook under a foreign extension', 'ingest_orders.py', 'x.txt']
  ])('rejects %s', (_, fixture, file) => {
    expect(detectNotebook(fixtureText(fixture), file)).toBeUndefined()
  })

  it('rejects a header with text after it that is not an export date', () => {
    const text = '// Databricks notebook source - copied from prod\nval x = 1'
    expect(detectNotebook(text, 'a.scala')).toBeUndefined()
  })

  it('rejects a header that is not on line 1', () => {
    const text = '\n# Databricks notebook source\nprint(1)'
    expect(detectNotebook(text, 'a.py')).toBeUndefined()
  })

  it('reads the language of an .ipynb from its Databricks metadata', () => {
    expect(detectNotebook(fixtureText('daily_sales.ipynb'), 'a.ipynb')).toBe(
      'python'
    )
    expect(detectNotebook(fixtureText('legacy_report.ipynb'), 'r.ipynb')).toBe(
      'sql'
    )
  })

  it.each([
    ['not JSON', '{"cells": ['],
    ['no cells', '{"metadata": {}, "nbformat": 4}'],
    ['no metadata', '{"cells": [], "nbformat": 4}'],
    ['nbformat 3', '{"cells": [], "metadata": {}, "nbformat": 3}']
  ])('rejects an .ipynb with %s', (_, text) => {
    expect(detectNotebook(text, 'a.ipynb')).toBeUndefined()
  })
})

describe('NotANotebookError', () => {
  it('names the file, line 1, the expected header and what to do', () => {
    const error = failure(fixtureText('pipeline_step.sql'), 'sql/orders.sql')
    expect(error.exitCode).toBe(2)
    expect(error.file).toBe('sql/orders.sql')
    expect(error.expectedHeader).toBe('-- Databricks notebook source')
    expect(error.diagnostics).toHaveLength(1)
    expect(formatText(error.diagnostics[0])).toBe(
      'sql/orders.sql:1:1: error: sql/orders.sql is not a Databricks ' +
        'notebook: a .sql notebook starts with the line ' +
        '"-- Databricks notebook source", but line 1 is ' +
        '"CREATE OR REFRESH STREAMING TABLE orders_bronze AS": the file has ' +
        '"-- COMMAND ----------" separators but no header; add ' +
        '"-- Databricks notebook source" as line 1, or export the notebook ' +
        'from Databricks in source format.'
    )
    expect(error.message).toBe(error.diagnostics[0].summary)
  })

  it('points a Scala notebook saved as .py at the right extension', () => {
    const error = failure(fixtureText('scala_saved_as.py'), 'nb/load.py')
    expect(error.message).toBe(
      'nb/load.py is not a Databricks notebook: a .py notebook starts with ' +
        'the line "# Databricks notebook source", but line 1 is the header ' +
        'of a Scala notebook; rename the file to load.scala, or fix line 1.'
    )
  })

  it('says a Fabric notebook is not one dtflw runs', () => {
    const error = failure(fixtureText('fabric.py'), 'nb/fabric.py')
    expect(error.message).toContain(
      'line 1 is "# Fabric notebook source", the header of a Microsoft ' +
        'Fabric notebook; dtflw runs Databricks notebooks'
    )
  })

  it('suggests an extension for a notebook file without one', () => {
    const error = failure(fixtureText('stream_producer'), 'nb/stream_producer')
    expect(error.message).toBe(
      'nb/stream_producer is not a Databricks notebook: it has no ' +
        'extension, and a notebook file ends in .py, .sql, .scala, .r or ' +
        '.ipynb; line 1 is the header of a Scala notebook, so rename it to ' +
        'stream_producer.scala.'
    )
    expect(error.expectedHeader).toBeUndefined()
  })

  it('quotes line 1 of a plain file and tells how to make it a notebook', () => {
    const error = failure('import os\n', 'nb/util.py')
    expect(error.message).toBe(
      'nb/util.py is not a Databricks notebook: a .py notebook starts with ' +
        'the line "# Databricks notebook source", but line 1 is ' +
        '"import os"; add "# Databricks notebook source" as line 1, or ' +
        'export the notebook from Databricks in source format.'
    )
  })

  it('says when the file is empty', () => {
    expect(failure('', 'nb/empty.sql').message).toContain(
      'but the file is empty;'
    )
  })

  it('says what is wrong with an .ipynb', () => {
    const error = failure('{"cells": [], "metadata": {}}', 'nb/a.ipynb')
    expect(error.message).toBe(
      'nb/a.ipynb is not a Databricks notebook: its nbformat is null, and ' +
        'dtflw reads nbformat 4 or later; export the notebook from ' +
        'Databricks again (File > Export > IPython notebook).'
    )
    expect(failure('{"cells": [', 'nb/b.ipynb').message).toMatch(
      /^nb\/b\.ipynb is not a Databricks notebook: it is not valid JSON \(/
    )
  })
})
