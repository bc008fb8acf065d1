import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  hasNotebookExtension,
  NOTEBOOK_EXTENSIONS_TEXT,
  runTargetCandidates,
  withoutNotebookExtension
} from '../../src/notebooks/index.js'
import { repoRoot } from '../support/cli.js'

describe('the notebook extensions', () => {
  it('are the five Databricks knows, in any case, and nothing that merely starts like one', () => {
    for (const file of ['a.py', 'a.sql', 'a.scala', 'X.R', 'n/c.IPYNB']) {
      expect([file, hasNotebookExtension(file)]).toEqual([file, true])
    }
    for (const file of ['a.txt', 'a.pyc', 'a.sqlite', 'py', 'a.md', 'a']) {
      expect([file, hasNotebookExtension(file)]).toEqual([file, false])
    }
  })

  it('come off a path the way Databricks names the notebook, and only they do', () => {
    expect(withoutNotebookExtension('notebooks/import_data.py')).toBe(
      'notebooks/import_data'
    )
    expect(withoutNotebookExtension('nb/Report.SQL')).toBe('nb/Report')
    expect(withoutNotebookExtension('nb/daily.sales.ipynb')).toBe(
      'nb/daily.sales'
    )
    expect(withoutNotebookExtension('data/orders.csv')).toBe('data/orders.csv')
  })

  it('are tried in order for a %run target written without one, and not for one written with one', () => {
    expect(runTargetCandidates('lib/setup')).toEqual([
      'lib/setup.py',
      'lib/setup.sql',
      'lib/setup.scala',
      'lib/setup.r',
      'lib/setup.ipynb'
    ])
    expect(runTargetCandidates('lib/setup.sql')).toEqual(['lib/setup.sql'])
  })

  it('are said the same in messages and in the schema an editor shows', () => {
    expect(NOTEBOOK_EXTENSIONS_TEXT).toBe('.py, .sql, .scala, .r or .ipynb')
    const schema = JSON.parse(
      readFileSync(path.join(repoRoot, 'schemas/dtflw.schema.json'), 'utf8')
    ) as {
      definitions: {
        step: { properties: { notebook: { description: string } } }
      }
    }
    expect(schema.definitions.step.properties.notebook.description).toContain(
      `(${NOTEBOOK_EXTENSIONS_TEXT})`
    )
  })
})
