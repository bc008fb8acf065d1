import { describe, expect, it } from '@jest/globals'
import { parseNotebook, type Cell } from '../../src/notebooks/index.js'
import { fixtureText, parseFixture } from './fixture.js'

/** What a user sees of a cell, without the line bookkeeping. */
function shape(cell: Cell): Partial<Cell> {
  const { kind, source, magic, magicArgs, title } = cell
  return { kind, source, magic, magicArgs, title }
}

describe('parseNotebook on a modern Databricks export', () => {
  const notebook = parseFixture('ingest_orders.py')

  it('reads the notebook as Python source format', () => {
    expect(notebook.path).toBe('notebooks/ingest_orders.py')
    expect(notebook.format).toBe('source')
    expect(notebook.language).toBe('python')
    expect(notebook.environment).toBeUndefined()
    expect(notebook.warnings).toEqual([])
  })

  it('splits cells, decodes MAGIC lines and keeps titles and lines', () => {
    expect(notebook.cells).toEqual([
      {
        index: 0,
        kind: 'markdown',
        magic: '%md',
        source:
          '# Orders ingest\n\nReads the raw orders and writes them to bronze.',
        line: 2,
        sourceLine: 3
      },
      {
        index: 1,
        kind: 'python',
        title: 'Parameters, as the job passes them  ',
        showTitle: true,
        source:
          'dbutils.widgets.text("orders_in", "")\n' +
          'orders_in = dbutils.widgets.get("orders_in")',
        line: 9,
        sourceLine: 10
      },
      {
        index: 2,
        kind: 'sql',
        magic: '%sql',
        source: 'SELECT count(*) FROM IDENTIFIER(:orders_in)',
        line: 15,
        sourceLine: 16
      },
      {
        index: 3,
        kind: 'python',
        // Two blank lines after the separator: the cell starts with one.
        source: '\ndf = spark.read.table(orders_in)\ndisplay(df)',
        line: 20,
        sourceLine: 20
      },
      {
        index: 4,
        kind: 'run',
        magic: '%run',
        magicArgs: './setup $env=dev',
        source: './setup $env=dev',
        line: 26,
        sourceLine: 26
      },
      {
        index: 5,
        kind: 'python',
        source: 'dbutils.notebook.exit("done")',
        line: 30,
        sourceLine: 30
      }
    ])
  })
})

describe('parseNotebook on an old Scala export', () => {
  const notebook = parseFixture('legacy_export.scala')

  it('reads every cell of the notebook', () => {
    expect(notebook.language).toBe('scala')
    expect(notebook.cells.map(shape)).toEqual([
      {
        kind: 'markdown',
        magic: '%md-sandbox',
        // `// MAGIC ` with a trailing space is an empty line, as is the
        // empty line before the command.
        source: '<div>Banner</div>\n\nText after an empty line'
      },
      { kind: 'scala', source: 'val x = 1' },
      {
        kind: 'python',
        magic: '%py',
        // One space after MAGIC is the prefix's; a tab and further spaces
        // are the code's.
        source: 'def f():\n\treturn 1\n   \nprint(f())'
      },
      { kind: 'sql', magic: '%sql', source: 'SELECT 1' },
      {
        kind: 'markdown',
        magic: '%md',
        magicArgs: '## Title on the command line',
        source: '## Title on the command line'
      },
      {
        kind: 'python',
        magic: '%python',
        magicArgs: '# says hello',
        source: '# says hello\nprint("hello")'
      }
    ])
  })

  it('points each cell at its first line in the file', () => {
    expect(notebook.cells.map((c) => [c.line, c.sourceLine])).toEqual([
      [2, 4],
      [10, 10],
      [14, 15],
      [22, 23],
      [27, 27],
      [31, 31]
    ])
  })
})

describe('parseNotebook on a serverless notebook', () => {
  const notebook = parseFixture('serverless.py')

  it('keeps the environment block out of the first cell', () => {
    expect(notebook.environment).toBe(
      '[tool.databricks.environment]\n' +
        'environment_version = "2"\n' +
        'dependencies = [\n' +
        '  "requests==2.32.3",\n' +
        ']'
    )
    expect(notebook.cells[0]).toMatchObject({
      kind: 'markdown',
      magic: '%md',
      source: '# Serverless job',
      line: 9
    })
  })

  it('lets the first magic decide a cell with several', () => {
    expect(shape(notebook.cells[1])).toEqual({
      kind: 'pip',
      magic: '%pip',
      magicArgs: 'install -q requests==2.32.3',
      source: 'install -q requests==2.32.3\n%restart_python'
    })
  })

  it('leaves raw %pip lines in a Python cell as Python', () => {
    expect(shape(notebook.cells[2])).toEqual({
      kind: 'python',
      source:
        '# Install through the kernel\n' +
        '%pip install -q duckdb\n' +
        'dbutils.library.restartPython()'
    })
  })

  it('reads an unclosed block as the first cell', () => {
    const text =
      '# Databricks notebook source\n# /// script\n# environment_version = "2"\n'
    const nb = parseNotebook(text, 'a.py')
    expect(nb.environment).toBeUndefined()
    expect(nb.cells.map(shape)).toEqual([
      { kind: 'python', source: '# /// script\n# environment_version = "2"' }
    ])
  })
})

describe('parseNotebook on hand-edited separators', () => {
  const notebook = parseFixture('hand_edited.py')

  it('drops the empty first and last cells and numbers the rest', () => {
    expect(notebook.cells.map((c) => [c.index, c.line])).toEqual([
      [0, 3],
      [1, 5],
      [2, 11],
      [3, 15]
    ])
  })

  it('splits on exact separators only, with no blank lines around', () => {
    expect(notebook.cells.map(shape)).toEqual([
      { kind: 'python', source: 'x = 1' },
      { kind: 'python', source: 'y = 2\n#COMMAND ----------\nz = 3' },
      { kind: 'python', source: '#MAGIC %md not a magic line' },
      {
        kind: 'markdown',
        magic: '%md',
        source: 'A markdown cell.\nx = "an unprefixed line left by a hand edit"'
      }
    ])
  })

  it('warns about near-miss separators and MAGIC prefixes', () => {
    expect(
      notebook.warnings?.map((w) => [w.code, w.location?.line, w.summary])
    ).toEqual([
      [
        'notebook-near-separator',
        6,
        'line 6 looks like a cell separator but is not "# COMMAND ----------", so Databricks reads it as code; write the separator exactly.'
      ],
      [
        'notebook-near-magic',
        11,
        'line 11 looks like a MAGIC line but does not start with "# MAGIC ", so Databricks reads it as a comment; write the prefix exactly.'
      ]
    ])
    expect(notebook.warnings?.[0].location?.file).toBe(
      'notebooks/hand_edited.py'
    )
  })
})

describe('parseNotebook line endings and padding', () => {
  const lf =
    '-- Databricks notebook source\n' +
    '-- MAGIC %md\n-- MAGIC # Report\n\n' +
    '-- COMMAND ----------\n\n' +
    'SELECT 1;\n\n' +
    '-- COMMAND ----------\n\n' +
    '-- MAGIC %python\n-- MAGIC print(1)\n'

  it('reads a CRLF file as its LF twin', () => {
    const crlf = parseNotebook(lf.replaceAll('\n', '\r\n'), 'r.sql')
    expect(crlf).toEqual(parseNotebook(lf, 'r.sql'))
    expect(crlf.cells.map(shape)).toEqual([
      { kind: 'markdown', magic: '%md', source: '# Report' },
      { kind: 'sql', source: 'SELECT 1;' },
      { kind: 'python', magic: '%python', source: 'print(1)' }
    ])
  })

  it('strips a byte-order mark', () => {
    expect(parseNotebook(`\uFEFF${lf}`, 'r.sql')).toEqual(
      parseNotebook(lf, 'r.sql')
    )
  })

  it.each([
    ['no final newline', 'SELECT 1;'],
    ['a final newline', 'SELECT 1;\n'],
    ['a trailing blank line', 'SELECT 1;\n\n']
  ])('reads the last cell the same with %s', (_, tail) => {
    const text = `-- Databricks notebook source\nSELECT 0;\n\n-- COMMAND ----------\n\n${tail}`
    const nb = parseNotebook(text, 'q.sql')
    expect(nb.cells.map((c) => c.source)).toEqual(['SELECT 0;', 'SELECT 1;'])
  })

  it('keeps blank lines beyond the one each separator owns', () => {
    const text =
      '# Databricks notebook source\na = 1\n\n\n' +
      '# COMMAND ----------\n\n\n\nb = 2\n'
    expect(parseNotebook(text, 'p.py').cells.map((c) => c.source)).toEqual([
      'a = 1\n',
      '\n\nb = 2'
    ])
  })

  it('keeps a blank line right after the header in the first cell', () => {
    const nb = parseNotebook(
      '# Databricks notebook source\n\nprint(1)\n',
      'a.py'
    )
    expect(nb.cells.map((c) => [c.source, c.line])).toEqual([['\nprint(1)', 2]])
  })

  it.each([
    ['only the header', '# Databricks notebook source'],
    ['the header and a blank line', '# Databricks notebook source\n\n'],
    [
      'only separators',
      '# Databricks notebook source\n# COMMAND ----------\n\n# COMMAND ----------\n'
    ]
  ])('reads a notebook with %s as having no cells', (_, text) => {
    expect(parseNotebook(text, 'e.py').cells).toEqual([])
  })

  it('keeps a MAGIC cell that holds only its command', () => {
    const nb = parseNotebook(
      '# Databricks notebook source\n# MAGIC %md\n',
      'a.py'
    )
    expect(nb.cells.map(shape)).toEqual([
      { kind: 'markdown', magic: '%md', source: '' }
    ])
  })
})

describe('parseNotebook MAGIC encodings', () => {
  it('decodes bare and trailing-space empty MAGIC lines alike', () => {
    const modern = '# MAGIC %md\n# MAGIC a\n# MAGIC\n# MAGIC b'
    const older = '# MAGIC %md\n# MAGIC a\n# MAGIC \n# MAGIC b'
    const header = '# Databricks notebook source\n'
    const a = parseNotebook(header + modern, 'a.py').cells[0]
    const b = parseNotebook(header + older, 'b.py').cells[0]
    expect(a.source).toBe('a\n\nb')
    expect(b.source).toBe('a\n\nb')
  })

  it('reads a DBTITLE line right after the header, before MAGIC lines', () => {
    const text =
      '-- Databricks notebook source\n' +
      '-- DBTITLE 0,--i18n-3b2a7c1e\n' +
      '-- MAGIC %md\n' +
      '-- MAGIC Hello'
    const [cell] = parseNotebook(text, 'a.sql').cells
    expect(cell).toEqual({
      index: 0,
      kind: 'markdown',
      magic: '%md',
      source: 'Hello',
      title: '--i18n-3b2a7c1e',
      showTitle: false,
      line: 2,
      sourceLine: 4
    })
  })

  it.each([
    ['%sql', 'sql'],
    ['%python', 'python'],
    ['%py', 'python'],
    ['%scala', 'scala'],
    ['%r', 'r'],
    ['%md', 'markdown'],
    ['%md-sandbox', 'markdown'],
    ['%run', 'run'],
    ['%sh', 'shell'],
    ['%fs', 'fs'],
    ['%pip', 'pip'],
    ['%skip', 'other'],
    ['%timeit', 'other'],
    ['%%writefile', 'other']
  ])('gives a %s cell the kind %s', (magic, kind) => {
    const text = `-- Databricks notebook source\n-- MAGIC ${magic}\n-- MAGIC body`
    const [cell] = parseNotebook(text, 'a.sql').cells
    expect([cell.kind, cell.magic, cell.source]).toEqual([kind, magic, 'body'])
  })

  it('gives a cell without magic the notebook language', () => {
    const text = '# Databricks notebook source\nx <- 1'
    expect(parseNotebook(text, 'a.r').cells[0].kind).toBe('r')
  })

  it('reads a %python cell of a SQL notebook as Python', () => {
    const nb = parseFixture('params.sql')
    expect(nb.language).toBe('sql')
    expect(nb.cells.map((c) => c.kind)).toEqual([
      'python',
      'sql',
      'scala',
      'r',
      'shell',
      'markdown'
    ])
  })

  it('keeps a %%writefile target with its {var} as written', () => {
    const text =
      '# Databricks notebook source\n# MAGIC %%writefile "{name}.py"\n# MAGIC x = 1'
    const [cell] = parseNotebook(text, 'a.py').cells
    expect(cell.magicArgs).toBe('"{name}.py"')
    expect(cell.source).toBe('"{name}.py"\nx = 1')
  })

  it('reads a 13,000-character line whole', () => {
    const image = `<img src="data:image/png;base64,${'A'.repeat(13_000)}">`
    const text = `-- Databricks notebook source\n-- MAGIC %md\n-- MAGIC ${image}\n`
    expect(parseNotebook(text, 'a.sql').cells[0].source).toBe(image)
  })

  it('reads an R notebook with a SQL cell', () => {
    const nb = parseFixture('cleanup.r')
    expect(nb.language).toBe('r')
    expect(nb.cells.map(shape)).toEqual([
      {
        kind: 'r',
        source: 'library(SparkR)\ndf <- sql("SELECT 1 AS x")'
      },
      {
        kind: 'sql',
        magic: '%sql',
        source: 'SELECT * FROM IDENTIFIER(:table_in)'
      }
    ])
  })

  it('splits only on the separator of the notebook language', () => {
    const text = fixtureText('ingest_orders.py').replace(
      '# COMMAND ----------',
      '-- COMMAND ----------'
    )
    expect(parseNotebook(text, 'a.py').cells).toHaveLength(5)
  })
})
