import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { RunReport } from '../../../src/report/index.js'
import { planOf } from '../../support/plan.js'
import type { StepSketch } from '../../support/plan.js'
import {
  magicCell,
  makeRepo,
  pyNotebook,
  readParquet,
  removeRepo,
  runLocal,
  runOptions,
  sqlNotebook,
  writeFiles
} from '../support/repo.js'
import type { TestEngineOptions } from '../support/repo.js'

const T = '.dtflw/data/test/notebooks'
const sources = { raw: { path: 'data/raw.csv', format: 'csv' } }

const stepsOf = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s]))

describe('Python notebooks on the local engine', () => {
  let root: string
  beforeAll(async () => {
    root = await makeRepo({
      'data/raw.csv': 'id,amount\n1,10\n2,20\n3,30\n',
      'notebooks/load.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT * FROM IDENTIFIER(:raw_in)'
      ),
      // python3 without site-packages: neither duckdb nor pyspark imports.
      'bin/bare-python': '#!/bin/sh\nexec python3 -S "$@"\n'
    })
    await chmod(path.join(root, 'bin/bare-python'), 0o755)
  })
  afterAll(() => removeRepo(root))

  const run = async (
    notebook: string,
    sketch: Omit<StepSketch, 'notebook'>,
    engine: TestEngineOptions = {}
  ): Promise<RunReport> => {
    await writeFiles(root, { 'notebooks/py.py': notebook })
    const plan = planOf({
      steps: [
        { notebook: 'notebooks/load.sql', inputs: ['raw'], outputs: ['t'] },
        { notebook: 'notebooks/py.py', ...sketch }
      ],
      sources
    })
    return runLocal(root, plan, runOptions(), engine)
  }

  it('gives dbutils widgets, reports notebook.exit and the output', async () => {
    const report = await run(
      pyNotebook(
        'dbutils.widgets.removeAll()\ndbutils.widgets.text("year", "1999")\ndbutils.widgets.text("extra", "default")',
        [
          'import os',
          'year = dbutils.widgets.get("year")',
          'path = dbutils.widgets.get("t_in")',
          'assert os.path.exists(path), path',
          'print("year", year, "extra", dbutils.widgets.get("extra"), "opt", repr(dbutils.widgets.get("maybe_in")))',
          'print("missing", dbutils.widgets.getArgument("nope", "fallback"))',
          'dbutils.notebook.exit(f"done {year}")',
          'raise RuntimeError("not reached")'
        ].join('\n')
      ),
      {
        args: { year: '2022' },
        inputs: ['t', { name: 'maybe', optional: true }]
      }
    )
    const py = stepsOf(report).py
    expect(py.status).toBe('succeeded')
    expect(py.exitValue).toBe('done 2022')
    expect(py.output).toContain("year 2022 extra default opt ''")
    expect(py.output).toContain('missing fallback')
    expect(py.parameters).toEqual({
      year: '2022',
      t_in: `${T}/load/t.parquet`,
      maybe_in: ''
    })
    const log = await readFile(
      path.join(root, '.dtflw/runs', report.runId, 'logs/py.log'),
      'utf8'
    )
    expect(log).toContain('year 2022')
  })

  it('gives spark from DuckDB: reads inputs, writes outputs, runs %sql cells', async () => {
    const report = await run(
      pyNotebook(
        [
          'from pyspark.sql import functions as F',
          'df = spark.read.parquet(dbutils.widgets.get("t_in"))',
          'doubled = df.withColumn("amount", F.col("amount") * 2)',
          'doubled.write.mode("overwrite").parquet(dbutils.widgets.get("doubled_out"))'
        ].join('\n'),
        magicCell(
          '%sql',
          'CREATE OR REPLACE TABLE IDENTIFIER(:total_out) AS\nSELECT sum(amount) AS total FROM IDENTIFIER(:t_in)'
        )
      ),
      { inputs: ['t'], outputs: ['doubled', 'total'] }
    )
    const py = stepsOf(report).py
    expect([py.status, py.error?.message]).toEqual(['succeeded', undefined])
    expect(py.writes.map((w) => [w.table, w.rows])).toEqual([
      ['doubled', 3],
      ['total', 1]
    ])
    expect(
      await readParquet(
        path.join(root, T, 'py/doubled.parquet'),
        'SELECT sum(amount)::INT AS s FROM {}'
      )
    ).toEqual([{ s: 120 }])
    expect(
      await readParquet(
        path.join(root, T, 'py/total.parquet'),
        'SELECT total::INT AS total FROM {}'
      )
    ).toEqual([{ total: 60 }])
  })

  it('reads and writes catalog-layout tables by name through spark', async () => {
    await writeFiles(root, {
      'notebooks/py.py': pyNotebook(
        [
          't = spark.table(dbutils.widgets.get("t_in"))',
          'print("reading", dbutils.widgets.get("t_in"))',
          't.filter("amount > 10").write.saveAsTable(dbutils.widgets.get("big_out"))'
        ].join('\n')
      )
    })
    const plan = planOf({
      steps: [
        { notebook: 'notebooks/load.sql', inputs: ['raw'], outputs: ['t'] },
        { notebook: 'notebooks/py.py', inputs: ['t'], outputs: ['big'] }
      ],
      sources,
      tables: { layout: 'catalog', catalog: 'dev', schema: 'sales' }
    })
    const report = await runLocal(root, plan, runOptions())
    const py = stepsOf(report).py
    expect([py.status, py.error?.message]).toEqual(['succeeded', undefined])
    expect(py.output).toContain('reading dev.sales.t')
    expect(py.writes[0].rows).toBe(2)
    expect(
      await readParquet(
        path.join(root, '.dtflw/warehouse/dev/sales/big.parquet'),
        'SELECT id::INT AS id FROM {} ORDER BY id'
      )
    ).toEqual([{ id: 2 }, { id: 3 }])
  })

  it('reports the error and traceback with notebook lines', async () => {
    const report = await run(
      pyNotebook(
        'print("before the error")',
        'def check(x):\n    raise ValueError(f"bad value {x}")\n\ncheck(42)'
      ),
      { inputs: ['t'] }
    )
    const py = stepsOf(report).py
    expect(py.status).toBe('failed')
    expect(py.error?.kind).toBe('notebook')
    expect(py.error?.message).toBe(
      'notebooks/py.py:7: ValueError: bad value 42'
    )
    expect(py.error?.detail).toContain(
      'File "notebooks/py.py", line 9, in <module>'
    )
    expect(py.error?.detail).toContain(
      'File "notebooks/py.py", line 7, in check'
    )
    expect(py.error?.detail).not.toContain('<string>')
    expect(py.output).toContain('before the error')
  })

  it('lets spark see only the declared inputs', async () => {
    const report = await run(
      pyNotebook('spark.read.csv("data/raw.csv").show()'),
      { inputs: ['t'] }
    )
    const py = stepsOf(report).py
    expect(py.status).toBe('failed')
    expect(py.error?.message).toMatch(
      /^notebooks\/py\.py:2: .*Permission Error: Cannot access file "data\/raw\.csv"/
    )
  })

  it('names what to install when no spark is available', async () => {
    const report = await run(
      pyNotebook('print("fine without spark")', 'spark.range(3)'),
      {},
      {
        python: { command: path.join(root, 'bin/bare-python'), resolve: false }
      }
    )
    const py = stepsOf(report).py
    expect(py.status).toBe('failed')
    expect(py.error?.message).toMatch(
      /^notebooks\/py\.py:6: RuntimeError: spark is not available to .*: install DuckDB for Python \(pip install duckdb\) .*PySpark \(pip install pyspark\)$/
    )
    expect(py.output).toContain('fine without spark')
  })

  it('fails when the interpreter does not exist', async () => {
    const report = await run(
      pyNotebook('pass'),
      {},
      {
        python: {
          command: path.join(root, 'bin/no-such-python'),
          resolve: false
        }
      }
    )
    expect(stepsOf(report).py.error).toEqual({
      kind: 'engine',
      message: `${path.join(root, 'bin/no-such-python')} was not found: the local engine runs Python notebooks with it; install Python 3 or point the engine at another interpreter.`
    })
    await rm(path.join(root, '.dtflw/runs'), { recursive: true })
  })
})
