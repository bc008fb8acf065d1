import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { RunEvent } from '../../../src/report/index.js'
import { readRunReport } from '../../../src/report/index.js'
import type { RunReport } from '../../../src/report/index.js'
import { planOf } from '../../support/plan.js'
import type { StepSketch } from '../../support/plan.js'
import {
  makeRepo,
  readParquet,
  removeRepo,
  runLocal,
  runOptions,
  sqlNotebook,
  writeFiles
} from '../support/repo.js'

const RAW = 'id,name,amount\n1,ada,10.5\n2,grace,20.25\n3,alan,30\n'
const T = '.dtflw/data/test/notebooks'
const sources = { raw: { path: 'data/raw.csv', format: 'csv' } }

/** make (raw → t) → use (t → u); other (raw → o) on its own. */
const flow: StepSketch[] = [
  { notebook: 'notebooks/make.sql', inputs: ['raw'], outputs: ['t'] },
  { notebook: 'notebooks/use.sql', inputs: ['t'], outputs: ['u'] },
  { notebook: 'notebooks/other.sql', inputs: ['raw'], outputs: ['o'] }
]

const notebooks = {
  'notebooks/make.sql': sqlNotebook(
    'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS\nSELECT id, name, amount FROM IDENTIFIER(:raw_in)'
  ),
  'notebooks/use.sql': sqlNotebook(
    'CREATE OR REPLACE TABLE IDENTIFIER(:u_out) AS SELECT count(*) AS n FROM IDENTIFIER(:t_in)'
  ),
  'notebooks/other.sql': sqlNotebook(
    'CREATE OR REPLACE TABLE IDENTIFIER(:o_out) AS SELECT max(amount) AS top FROM IDENTIFIER(:raw_in)'
  )
}

const byKey = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s]))

/** Hidden staging folders left anywhere under the tables root. */
async function stagingLeft(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, '.dtflw/data'), {
    recursive: true
  }).catch(() => [] as string[])
  return entries.filter((e) => e.includes('.dtflw-staging-'))
}

describe('SQL notebooks on the local engine', () => {
  let root: string
  beforeEach(async () => {
    root = await makeRepo({ 'data/raw.csv': RAW, ...notebooks })
  })
  afterEach(() => removeRepo(root))

  const run = (
    plan = planOf({ steps: flow, sources }),
    options = runOptions()
  ) => runLocal(root, plan, options)

  it('runs the flow, writes Parquet outputs and reports rows', async () => {
    const events: RunEvent[] = []
    const report = await run(
      undefined,
      runOptions({ runId: 'r1', onEvent: (e) => events.push(e) })
    )
    expect(report.status).toBe('succeeded')
    expect(await readParquet(path.join(root, T, 'use/u.parquet'))).toEqual([
      { n: '3' }
    ])
    const make = byKey(report).make
    expect(make.writes).toEqual([
      {
        table: 't',
        param: 't_out',
        location: {
          kind: 'path',
          uri: `${T}/make/t.parquet`,
          format: 'parquet'
        },
        rows: 3
      }
    ])
    expect(make.parameters).toEqual({
      raw_in: 'data/raw.csv',
      t_out: `${T}/make/t.parquet`
    })
    expect(byKey(report).use.reads[0].rows).toBe(3)
    expect(await stagingLeft(root)).toEqual([])
    expect(events.map((e) => e.type)).toContain('step-log')
    expect(events.slice(0, 3).map((e) => e.type)).toEqual([
      'deploy-started',
      'deploy-finished',
      'run-started'
    ])
    expect(events.at(-1)?.type).toBe('run-finished')
    const saved = await readRunReport(
      path.join(root, '.dtflw/runs/r1/report.json')
    )
    expect(saved).toEqual(report)
  })

  it('on a failure skips dependents, goes on elsewhere and keeps previous outputs', async () => {
    await run()
    const before = await readParquet(path.join(root, T, 'make/t.parquet'))
    const beforeMtime = (await stat(path.join(root, T, 'make/t.parquet')))
      .mtimeMs
    // The new version writes its table, then fails: nothing may reach t.
    await writeFiles(root, {
      'notebooks/make.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT 99 AS id',
        '-- a typo\nSELECT * FROM IDENTIFIER(:raw_in) WHERE nmae = 1'
      )
    })
    const report = await run()
    const steps = byKey(report)
    expect(steps.make.status).toBe('failed')
    expect(steps.make.error?.kind).toBe('notebook')
    expect(steps.make.error?.message).toMatch(
      /^notebooks\/make\.sql:7: Binder Error: .*nmae/
    )
    expect(steps.make.error?.detail).toContain(
      'at notebooks/make.sql:7, in cell 2, statement from line 7'
    )
    expect(steps.use).toMatchObject({
      status: 'skipped',
      skippedBecause: 'make'
    })
    expect(steps.other.status).toBe('succeeded')
    expect(report.status).toBe('failed')
    expect(report.resume).toBe('make+')
    expect(await readParquet(path.join(root, T, 'make/t.parquet'))).toEqual(
      before
    )
    expect((await stat(path.join(root, T, 'make/t.parquet'))).mtimeMs).toBe(
      beforeMtime
    )
    expect(await stagingLeft(root)).toEqual([])
  })

  it('fails a step whose input is missing, naming the table', async () => {
    await rm(path.join(root, 'data/raw.csv'))
    const report = await run()
    expect(byKey(report).make.error).toEqual({
      kind: 'input-missing',
      table: 'raw',
      message:
        'input "raw" (table "raw") was not found at data/raw.csv: check where the profile says source "raw" lives.'
    })
    expect(byKey(report).use.status).toBe('skipped')
    expect(report.resume).toBe('make+,other')
  })

  it('fails a step that does not write a declared output', async () => {
    const plan = planOf({
      steps: [
        {
          notebook: 'notebooks/make.sql',
          inputs: ['raw'],
          outputs: ['t', 'forgotten']
        }
      ],
      sources
    })
    const report = await run(plan)
    const make = byKey(report).make
    expect(make.status).toBe('failed')
    expect(make.error).toMatchObject({
      kind: 'output-missing',
      table: 'forgotten'
    })
    expect(make.error?.message).toBe(
      'output "forgotten" was not written by the notebook: in SQL create it with CREATE OR REPLACE TABLE IDENTIFIER(:forgotten_out) AS …, in Python write to dbutils.widgets.get("forgotten_out").'
    )
    // The output that was written is not published either.
    await expect(stat(path.join(root, T, 'make/t.parquet'))).rejects.toThrow()
  })

  it('checks declared columns with dtflw rules and publishes nothing on a mismatch', async () => {
    const plan = planOf({
      steps: [
        {
          notebook: 'notebooks/make.sql',
          inputs: ['raw'],
          outputs: [
            {
              name: 't',
              columns: { id: 'bigint', amount: 'decimal(18,2)', missing: null },
              strict: true
            }
          ]
        }
      ],
      sources
    })
    await writeFiles(root, {
      'notebooks/make.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT id::INT AS id, name, amount::DOUBLE AS amount FROM IDENTIFIER(:raw_in)'
      )
    })
    const report = await run(plan)
    expect(byKey(report).make.error).toEqual({
      kind: 'columns',
      table: 't',
      message:
        'output "t" does not have its declared columns: column "amount" is double, expected decimal(18,2); column "missing" is missing; column "name" (string) is not declared, and the output is strict.'
    })
    await expect(stat(path.join(root, T, 'make/t.parquet'))).rejects.toThrow()
  })

  it('with --lazy skips steps whose outputs exist, and runs the rest', async () => {
    const withSink = [
      ...flow,
      { notebook: 'notebooks/sink.sql', inputs: ['u'] }
    ]
    await writeFiles(root, {
      'notebooks/sink.sql': sqlNotebook('SELECT * FROM IDENTIFIER(:u_in)')
    })
    const plan = planOf({ steps: withSink, sources })
    await run(plan)
    await rm(path.join(root, T, 'use/u.parquet'))
    const report = await run(plan, runOptions({ lazy: true }))
    expect(report.steps.map((s) => [s.key, s.status])).toEqual([
      ['make', 'lazy'],
      ['use', 'succeeded'],
      ['other', 'lazy'],
      // A step without outputs always runs.
      ['sink', 'succeeded']
    ])
    expect(report.status).toBe('succeeded')
    expect(byKey(report).make.output).toContain(
      'Skipped run: notebooks/make.sql'
    )
  })

  it('passes an argument value as data, never as SQL', async () => {
    const attack =
      "x'); COPY (SELECT 1) TO 'pwned.csv'; DROP TABLE IF EXISTS t; --"
    const plan = planOf({
      steps: [
        {
          notebook: 'notebooks/label.sql',
          args: { label: attack },
          outputs: ['labelled']
        }
      ],
      sources
    })
    await writeFiles(root, {
      'notebooks/label.sql': sqlNotebook(
        [
          'CREATE OR REPLACE TABLE IDENTIFIER(:labelled_out) AS',
          "SELECT :label AS a, '${label}' AS b, ${label} AS c"
        ].join('\n')
      )
    })
    const report = await run(plan)
    expect(report.status).toBe('succeeded')
    expect(
      await readParquet(path.join(root, T, 'label/labelled.parquet'))
    ).toEqual([{ a: attack, b: attack, c: attack }])
    await expect(stat(path.join(root, 'pwned.csv'))).rejects.toThrow()
    await expect(stat('pwned.csv')).rejects.toThrow()
  })

  it('lets a notebook see only its declared inputs', async () => {
    await writeFiles(root, {
      'data/secret.csv': 'x\n1\n',
      'notebooks/use.sql': sqlNotebook(
        `CREATE OR REPLACE TABLE IDENTIFIER(:u_out) AS SELECT * FROM read_csv_auto('${path.join(root, 'data/secret.csv')}')`
      )
    })
    const report = await run()
    const use = byKey(report).use
    expect(use.status).toBe('failed')
    expect(use.error?.message).toMatch(
      /^notebooks\/use\.sql:2: Permission Error: Cannot access file ".*secret\.csv" - file system operations are disabled/
    )
  })

  it('keeps catalog-layout tables as Parquet files under .dtflw/warehouse', async () => {
    const plan = planOf({
      steps: flow,
      sources,
      tables: { layout: 'catalog', catalog: 'dev', schema: 'sales' }
    })
    await writeFiles(root, {
      // The second step reads its input by the table's own name.
      'notebooks/use.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE dev.sales.u AS SELECT count(*) AS n FROM dev.sales.t'
      )
    })
    const report = await run(plan)
    expect(report.status).toBe('succeeded')
    expect(byKey(report).use.parameters).toEqual({
      t_in: 'dev.sales.t',
      u_out: 'dev.sales.u'
    })
    expect(
      await readParquet(path.join(root, '.dtflw/warehouse/dev/sales/u.parquet'))
    ).toEqual([{ n: '3' }])
  })

  it('refuses to start when a notebook is in a language it cannot run', async () => {
    await writeFiles(root, {
      'notebooks/other.scala': '// Databricks notebook source\nval x = 1\n'
    })
    const plan = planOf({
      steps: [
        flow[0],
        flow[1],
        { notebook: 'notebooks/other.scala', outputs: ['o'] }
      ],
      sources
    })
    const report = await run(plan)
    expect(report.steps.map((s) => [s.key, s.status])).toEqual([
      ['make', 'pending'],
      ['use', 'pending'],
      ['other', 'failed']
    ])
    expect(byKey(report).other.error?.kind).toBe('language')
    await expect(stat(path.join(root, T, 'make/t.parquet'))).rejects.toThrow()
  })

  it('names the cell and line of a ${name} that is not a parameter', async () => {
    await writeFiles(root, {
      'notebooks/other.sql': sqlNotebook(
        'SELECT 1',
        'CREATE TABLE IDENTIFIER(:o_out) AS\nSELECT ${yaer} AS y'
      )
    })
    const report = await run()
    expect(byKey(report).other.error?.message).toBe(
      'notebooks/other.sql:7: ${yaer} is not a parameter of this step; its parameters are: raw_in, o_out.'
    )
  })
})
