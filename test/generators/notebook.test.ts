import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import helpers from 'yeoman-test'
import { createTerminalAsk } from '../../src/cli/terminal-ask.js'
import { NotebookGenerator } from '../../src/generators/index.js'
import { addStep } from '../../src/steps/index.js'
import { readParquet } from '../engines/support/repo.js'
import { repoRoot, runCli } from '../support/cli.js'
import { makeTempDir, readTree, removeDir, writeScaffold } from './support.js'

// A laptop or CI job with the workspace configured, as the README says to.
const WORKSPACE = { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' }

/** A manifest as a user keeps it: comments, blank lines, odd quoting. */
const HAND_EDITED = `# yaml-language-server: $schema=node_modules/create-dtflw-pipeline/schemas/dtflw.schema.json
pipeline: shop   # the shop's orders

promotion: [ test, acceptance, production ]
sources:
  raw_orders: {description: "Orders, as exported"}

flow:
    # bronze
    - notebook: "notebooks/clean_orders.sql"
      inputs: [ raw_orders ]
      outputs: ['orders']

    # gold: one row per day
    - notebook: notebooks/daily_revenue.sql
      args: { since: "\${var.since}" }
      inputs: [orders]
      outputs:
        - name: daily_revenue
          columns: { order_date: date, revenue: "decimal(18,2)", orders: bigint }
`

describe('addStep', () => {
  let root: string
  beforeAll(async () => {
    root = await makeTempDir()
  })
  afterAll(() => removeDir(root))

  const repo = async (name: string, given: Record<string, unknown> = {}) => {
    const dir = path.join(root, name)
    await mkdir(dir)
    await writeScaffold(dir, given)
    return dir
  }

  it('adds a SQL step after the producer of its input, and the flow still runs', async () => {
    const dir = await repo('sql')
    const result = await addStep({
      root: dir,
      step: 'top_customers',
      inputs: ['orders'],
      yes: true
    })
    expect(result).toEqual({
      exitCode: 0,
      diagnostics: [],
      step: {
        key: 'top_customers',
        notebook: 'notebooks/top_customers.sql',
        language: 'sql',
        inputs: ['orders'],
        outputs: ['top_customers'],
        after: 'clean_orders',
        manifest: 'dtflw.yaml',
        line: 12,
        profile: 'development'
      },
      written: ['notebooks/top_customers.sql', 'dtflw.yaml']
    })
    expect(
      await readFile(path.join(dir, 'notebooks/top_customers.sql'), 'utf8')
    ).toBe(
      [
        '-- Databricks notebook source',
        '-- MAGIC %md',
        '-- MAGIC # top_customers',
        '-- MAGIC Reads `orders_in`; writes `top_customers_out`. dtflw sets each',
        '-- MAGIC parameter: a file on your laptop, a table or storage path on',
        '-- MAGIC Databricks.',
        '',
        '-- COMMAND ----------',
        '',
        '-- Parameters: a flow run passes each one. The defaults are the values',
        '-- of profile development, for running this notebook by hand.',
        "CREATE WIDGET TEXT orders_in DEFAULT '.dtflw/data/development/notebooks/clean_orders/orders.parquet';",
        "CREATE WIDGET TEXT top_customers_out DEFAULT '.dtflw/data/development/notebooks/top_customers/top_customers.parquet'",
        '',
        '-- COMMAND ----------',
        '',
        'CREATE OR REPLACE TABLE IDENTIFIER(:top_customers_out) AS',
        'SELECT * FROM IDENTIFIER(:orders_in)',
        ''
      ].join('\n')
    )
    const validate = await runCli(['validate'], dir, { env: WORKSPACE })
    expect([validate.code, validate.stdout.trim()]).toEqual([
      0,
      'Valid: 3 steps and 5 profiles (acceptance, base, development, production, test).'
    ])
    const run = await runCli(['run', '--profile', 'development'], dir)
    expect(run.code).toBe(0)
    expect(
      await readParquet(
        path.join(
          dir,
          '.dtflw/data/development/notebooks/top_customers/top_customers.parquet'
        ),
        'SELECT count(*)::INT AS n FROM {}'
      )
    ).toEqual([{ n: 17 }])
  })

  it('writes Python in a Python pipeline (.yo-rc.json), reading every input', async () => {
    const dir = await repo('python', { language: 'python', samples: true })
    const result = await addStep({
      root: dir,
      step: 'revenue_report',
      inputs: ['orders', 'daily_revenue'],
      outputs: ['report', 'report_copy'],
      yes: true
    })
    expect(result.step).toEqual(
      expect.objectContaining({
        language: 'python',
        after: 'daily_revenue',
        line: 18
      })
    )
    const notebook = await readFile(
      path.join(dir, 'notebooks/revenue_report.py'),
      'utf8'
    )
    expect(notebook).toContain(
      'dbutils.widgets.text("orders_in", ".dtflw/data/development/notebooks/clean_orders/orders.parquet")'
    )
    expect(notebook).toContain('orders_in = dbutils.widgets.get("orders_in")')
    expect(notebook).toContain(
      'daily_revenue_in = dbutils.widgets.get("daily_revenue_in")'
    )
    expect(notebook).toContain('write_table(df, report_copy_out)')
    const run = await runCli(['run', '--profile', 'development'], dir)
    expect([run.code, run.stderr]).toEqual([
      0,
      expect.stringContaining('succeeded revenue_report')
    ])
  })

  it('on a hand-edited manifest, changes nothing but the inserted step', async () => {
    const dir = path.join(root, 'hand')
    await mkdir(path.join(dir, 'notebooks'), { recursive: true })
    await writeFile(path.join(dir, 'dtflw.yaml'), HAND_EDITED)
    const result = await addStep({
      root: dir,
      step: 'flag_big_orders',
      inputs: ['orders'],
      outputs: ['big_orders'],
      language: 'sql'
    })
    expect(result.exitCode).toBe(0)
    const after = await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')
    expect(after).toBe(
      HAND_EDITED.replace(
        "      outputs: ['orders']\n",
        "      outputs: ['orders']\n\n    - notebook: notebooks/flag_big_orders.sql\n      inputs: [orders]\n      outputs: [big_orders]\n"
      )
    )
    // --after puts it at the end, after the gold step.
    const last = await addStep({
      root: dir,
      step: 'export',
      inputs: ['daily_revenue'],
      after: 'daily_revenue',
      yes: true
    })
    expect(last.step?.line).toBe(26)
    expect(await readFile(path.join(dir, 'dtflw.yaml'), 'utf8')).toBe(
      `${after}\n    - notebook: notebooks/export.sql\n      inputs: [daily_revenue]\n      outputs: [export]\n`
    )
  })

  it('refuses an input nothing writes, with a did-you-mean, writing nothing', async () => {
    const dir = await repo('refuse')
    const before = await readTree(dir)
    const result = await addStep({
      root: dir,
      step: 'x',
      inputs: ['order'],
      yes: true
    })
    expect(result).toEqual({
      exitCode: 2,
      diagnostics: [
        {
          severity: 'error',
          code: 'unknown-input',
          summary:
            'input "order" is not written by any step and is not a source; did you mean "orders"?',
          location: undefined,
          detail: 'the tables are: daily_revenue, orders, raw_orders'
        }
      ],
      written: []
    })
    expect(await readTree(dir)).toEqual(before)
  })

  it('refuses --after a step before the producer, a taken name, and an unknown step', async () => {
    const dir = await repo('refuse-more')
    const early = await addStep({
      root: dir,
      step: 'y',
      inputs: ['daily_revenue'],
      after: 'clean_orders',
      yes: true
    })
    expect(early.diagnostics.map((d) => d.summary)).toEqual([
      'input "daily_revenue" is written by step "daily_revenue" (dtflw.yaml:12), which runs after --after clean_orders; insert the step later, or drop --after.'
    ])
    const taken = await addStep({
      root: dir,
      step: 'clean_orders',
      inputs: ['raw_orders'],
      after: 'clean_ordrs',
      yes: true
    })
    expect(taken.diagnostics.map((d) => d.summary)).toEqual([
      'step "clean_orders" already exists (dtflw.yaml:9); choose another name.',
      '--after clean_ordrs: no step has that key; did you mean "clean_orders"?'
    ])
    const broken = path.join(root, 'broken')
    await mkdir(broken)
    await writeFile(
      path.join(broken, 'dtflw.yaml'),
      'pipeline: p\nflow:\n  - notebook: a.sql\n    inputs: [nope]\n'
    )
    const refused = await addStep({ root: broken, step: 'b', yes: true })
    expect(refused.exitCode).toBe(2)
    expect(refused.diagnostics[0].summary).toBe(
      'dtflw.yaml has problems; fix them first (dtflw validate), then add the step.'
    )
    expect(refused.diagnostics.slice(1).map((d) => d.code)).toContain(
      'unknown-input'
    )
  })

  it('asks on a terminal for what it was not told', async () => {
    const dir = await repo('ask')
    const input = new PassThrough()
    const output = new PassThrough()
    let shown = ''
    output.on('data', (d) => (shown += d))
    const ask = createTerminalAsk({ input, output })
    // Typed ahead: no template, a typo (asked again), then a table, the
    // default output, python.
    input.write('\nordrs\norders\n\npython\n')
    const result = await addStep({ root: dir, step: 'weekly', ask })
    expect(result.step).toEqual(
      expect.objectContaining({
        inputs: ['orders'],
        outputs: ['weekly'],
        language: 'python',
        notebook: 'notebooks/weekly.py'
      })
    )
    expect(shown).toContain(
      '? Tables it reads (comma-separated) (daily_revenue): '
    )
    expect(shown).toContain(
      '  "ordrs" is not written by any step and is not a source; did you mean "orders"?'
    )
    expect(shown).toContain('? Tables it writes (comma-separated) (weekly): ')
  })
})

describe('the notebook sub-generator', () => {
  const resolved = path.join(repoRoot, 'generators/notebook/index.js')
  const runNotebook = () =>
    helpers.run(NotebookGenerator, {
      resolved,
      namespace: 'create-dtflw-pipeline:notebook'
    })

  it("offers dtflw add's options in its --help, in dtflw add's words", async () => {
    const generator = await helpers.createGenerator(NotebookGenerator, {
      namespace: 'create-dtflw-pipeline:notebook',
      resolved
    } as never)
    const help = generator.help()
    for (const flag of ['template', 'key', 'by', 'columns', 'inputs']) {
      expect(help).toContain(`--${flag}`)
    }
    expect(help).toMatch(
      /--columns\s.*The columns of the table a template reads\./
    )
    expect(help).toMatch(/--yes\s.*Take the defaults, never ask\./)
    expect(help).toContain("The step: its key, and its notebook's name.")
    // dtflw add lists the templates; the generator adds a step.
    expect(help).not.toMatch(/^\s*--list-templates/m)
  })

  it('adds a step to a generated repository from its options', async () => {
    const result = await runNotebook()
      .onTargetDirectory((dir) => writeScaffold(dir, { language: 'python' }))
      .withArguments(['weekly_revenue'])
      .withOptions({ inputs: 'daily_revenue', yes: true } as never)
    const manifest = await readFile(path.join(result.cwd, 'dtflw.yaml'), 'utf8')
    expect(
      manifest.endsWith(
        '        columns: { order_date: date, revenue: "decimal(18,2)", orders: bigint }\n  - notebook: notebooks/weekly_revenue.py\n    inputs: [daily_revenue]\n    outputs: [weekly_revenue]\n'
      )
    ).toBe(true)
    result.assertFileContent(
      'notebooks/weekly_revenue.py',
      'daily_revenue_in = dbutils.widgets.get("daily_revenue_in")'
    )
  })

  it('asks through Yeoman for what is missing', async () => {
    const result = await runNotebook()
      .onTargetDirectory((dir) => writeScaffold(dir, {}))
      .withAnswers({
        step: 'audit',
        template: '',
        inputs: 'raw_orders',
        outputs: 'audit_log',
        language: 'sql'
      })
    expect(
      (
        result as unknown as { askedQuestions: { name: string }[] }
      ).askedQuestions.map((q) => q.name)
    ).toEqual(['step', 'template', 'inputs', 'outputs', 'language'])
    result.assertFileContent(
      'notebooks/audit.sql',
      'IDENTIFIER(:audit_log_out)'
    )
    // Reads only the source: it goes first.
    result.assertFileContent(
      'dtflw.yaml',
      'flow:\n  - notebook: notebooks/audit.sql\n    inputs: [raw_orders]\n    outputs: [audit_log]\n  - notebook: notebooks/clean_orders.sql'
    )
  })

  it('adds a template step from its options, typed from the columns declared upstream', async () => {
    const result = await runNotebook()
      .onTargetDirectory((dir) => writeScaffold(dir, {}))
      .withArguments(['monthly_revenue'])
      .withOptions({
        template: 'aggregate',
        inputs: 'daily_revenue',
        by: 'month',
        yes: true
      } as never)
    const manifest = await readFile(path.join(result.cwd, 'dtflw.yaml'), 'utf8')
    expect(manifest).toContain(
      [
        '  - notebook: notebooks/monthly_revenue.sql',
        '    inputs: [daily_revenue]',
        '    outputs:',
        '      - name: monthly_revenue',
        '        key: month',
        '        columns:',
        '          month: date',
        '          row_count: bigint',
        '          revenue: decimal(38,2)',
        '          orders: bigint',
        ''
      ].join('\n')
    )
    result.assertFileContent(
      'notebooks/monthly_revenue.sql',
      'CAST(SUM(revenue) AS DECIMAL(38, 2)) AS revenue,\n  CAST(SUM(orders) AS BIGINT) AS orders'
    )
    // The declared types are what the local engine's DuckDB gives.
    const run = await runCli(['run', '--profile', 'development'], result.cwd)
    expect([run.code, run.stderr]).toEqual([
      0,
      expect.stringContaining('succeeded monthly_revenue')
    ])
    expect(
      await readParquet(
        path.join(
          result.cwd,
          '.dtflw/data/development/notebooks/monthly_revenue/monthly_revenue.parquet'
        )
      )
    ).toEqual([
      { month: '2024-03-01', row_count: '7', revenue: '675.89', orders: '15' }
    ])
  })

  it('learns the columns of an undeclared table from the SQL that writes it, as dtflw add does', async () => {
    const result = await runNotebook()
      .onTargetDirectory((dir) => writeScaffold(dir, {}))
      .withArguments(['orders_history'])
      .withOptions({
        template: 'scd2',
        inputs: 'orders',
        key: 'order_id',
        yes: true
      } as never)
    const manifest = await readFile(path.join(result.cwd, 'dtflw.yaml'), 'utf8')
    expect(manifest).toContain(
      '        columns:\n          order_id: bigint\n          order_date: date\n          customer: string\n          amount: decimal(18,2)\n'
    )
  })

  it('fails with the diagnostics when the step is refused', async () => {
    await expect(
      runNotebook()
        .onTargetDirectory((dir) => writeScaffold(dir, {}))
        .withArguments(['x'])
        .withOptions({ inputs: 'nothing', yes: true } as never)
    ).rejects.toThrow(
      'error: input "nothing" is not written by any step and is not a source;'
    )
  })
})
