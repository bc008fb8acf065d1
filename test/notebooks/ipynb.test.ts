import { describe, expect, it } from '@jest/globals'
import { parseNotebook, type Cell } from '../../src/notebooks/index.js'
import { parseFixture } from './fixture.js'

function shape(cell: Cell): Partial<Cell> {
  const { kind, source, magic, magicArgs, title } = cell
  return { kind, source, magic, magicArgs, title }
}

/** A minimal nbformat 4 document around the given cells and metadata. */
function ipynb(cells: unknown[], metadata: unknown = {}): string {
  return JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 0 })
}

describe('parseNotebook on a modern .ipynb export', () => {
  const notebook = parseFixture('daily_sales.ipynb')

  it('takes the language from the Databricks notebook metadata', () => {
    expect(notebook.format).toBe('ipynb')
    expect(notebook.language).toBe('python')
  })

  it('reads markdown, magics and titles, and drops the empty cell', () => {
    expect(notebook.cells.map(shape)).toEqual([
      {
        kind: 'markdown',
        magic: '%md',
        source: '# Daily sales\n\nAggregates the silver orders.'
      },
      {
        kind: 'markdown',
        magic: '%md-sandbox',
        source: '<div style="color: red">Sandbox</div>'
      },
      {
        kind: 'python',
        title: 'Parameters',
        source:
          'dbutils.widgets.text("orders_in", "")\n' +
          'orders_in = dbutils.widgets.get("orders_in")'
      },
      {
        kind: 'sql',
        magic: '%sql',
        source: 'SELECT * FROM IDENTIFIER(:orders_in) WHERE day = :run_date'
      },
      {
        kind: 'run',
        magic: '%run',
        magicArgs: './setup $env=dev',
        source: './setup $env=dev'
      },
      {
        kind: 'python',
        source: 'total = spark.table(orders_in).count()\nprint(total)'
      },
      { kind: 'markdown', magic: '%md', source: '## Kept its magic line' },
      { kind: 'shell', magic: '%sh', source: 'ls /dbfs' }
    ])
    expect(notebook.cells.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('points each cell at its line in the pretty-printed JSON', () => {
    expect(notebook.cells.map((c) => c.line)).toEqual([
      4, 22, 39, 58, 77, 111, 127, 144
    ])
    expect(notebook.cells[2].showTitle).toBe(true)
  })
})

describe('parseNotebook on an old compact .ipynb export', () => {
  const notebook = parseFixture('legacy_report.ipynb')

  it('reads cells without execution_count, all on line 1', () => {
    expect(notebook.language).toBe('sql')
    expect(notebook.cells.map(shape)).toEqual([
      { kind: 'markdown', magic: '%md', source: '## Legacy export' },
      {
        kind: 'sql',
        title: 'Load',
        source:
          'SELECT * FROM ${source_table}\nWHERE day = getArgument("run_date")'
      },
      {
        kind: 'python',
        magic: '%python',
        source: 'dbutils.notebook.exit("ok")'
      }
    ])
    expect(notebook.cells.map((c) => c.line)).toEqual([1, 1, 1])
  })
})

describe('parseNotebook .ipynb variants', () => {
  it('reads a saved SQL-editor query as a SQL notebook', () => {
    const notebook = parseFixture('00_setup.sql.dbquery.ipynb')
    expect(notebook.language).toBe('sql')
    expect(notebook.cells.map(shape)).toEqual([
      {
        kind: 'sql',
        source: "CREATE SCHEMA IF NOT EXISTS IDENTIFIER(:catalog || '.lab');"
      }
    ])
  })

  it.each([
    [{ kernelspec: { language: 'R', name: 'ir' } }, 'r'],
    [{ language_info: { name: 'scala' } }, 'scala'],
    [{ kernelspec: { language: 'julia' } }, 'python'],
    [{}, 'python']
  ])('falls back to Jupyter metadata %j for the language', (meta, lang) => {
    const text = ipynb([{ cell_type: 'code', source: ['x'] }], meta)
    expect(parseNotebook(text, 'a.ipynb').language).toBe(lang)
  })

  it('reads a source string with CRLF line ends', () => {
    const text = ipynb([{ cell_type: 'code', source: '%sql\r\nSELECT 1\r\n' }])
    expect(parseNotebook(text, 'a.ipynb').cells.map(shape)).toEqual([
      { kind: 'sql', magic: '%sql', source: 'SELECT 1\n' }
    ])
  })

  it('reads a raw cell as other and keeps an empty titled cell', () => {
    const titled = {
      cell_type: 'code',
      source: [],
      metadata: {
        'application/vnd.databricks.v1+cell': { title: 'TODO', showTitle: true }
      }
    }
    const text = ipynb([{ cell_type: 'raw', source: ['plain'] }, titled])
    expect(parseNotebook(text, 'a.ipynb').cells.map(shape)).toEqual([
      { kind: 'other', source: 'plain' },
      { kind: 'python', source: '', title: 'TODO' }
    ])
  })

  it('accepts a byte-order mark', () => {
    const text = `\uFEFF${ipynb([{ cell_type: 'code', source: ['x = 1'] }])}`
    expect(parseNotebook(text, 'a.ipynb').cells[0].source).toBe('x = 1')
  })
})
