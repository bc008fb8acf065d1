import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import {
  checkInputCopies,
  copyInputs
} from '../../../src/engines/local/guard/input-copies.js'
import { startSqlWorker } from '../../../src/engines/local/sql/sql-child.js'
import {
  planDuckdbStepSql,
  planSqlParameters
} from '../../../src/engines/local/tables/step-tables.js'
import type { StepInput } from '../../../src/engines/local/tables/step-tables.js'
import {
  grantFor,
  readExpression
} from '../../../src/engines/local/tables/tables.js'
import type { LocalTable } from '../../../src/engines/local/tables/tables.js'
import type { PlannedInput } from '../../../src/flow/index.js'
import type { RunEvent, RunReport } from '../../../src/report/index.js'
import { planOf } from '../../support/plan.js'
import {
  makeRepo,
  removeRepo,
  runLocal,
  runOptions,
  sqlNotebook,
  writeFiles
} from '../support/repo.js'

const T = '.dtflw/data/test/notebooks'
const sources = { raw: { path: 'data/raw.csv', format: 'csv' } }
const byKey = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s]))

describe('the SQL sandbox of the local engine', () => {
  let root: string
  beforeEach(async () => {
    root = await makeRepo({
      'data/raw.csv': 'id,amount\n1,10\n2,20\n',
      'notebooks/make.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT * FROM IDENTIFIER(:raw_in)'
      )
    })
  })
  afterEach(() => removeRepo(root))

  it('keeps inputs and sources read-only: COPY … TO an input fails the step and leaves the file byte-identical', async () => {
    const overwrite = (param: string): string =>
      sqlNotebook(
        `COPY (SELECT 'pwned' AS id) TO '\${${param}}' (FORMAT csv, USE_TMP_FILE false)`
      )
    await writeFiles(root, {
      'notebooks/on_source.sql': overwrite('raw_in'),
      'notebooks/on_upstream.sql': overwrite('t_in')
    })
    const plan = planOf({
      steps: [
        { notebook: 'notebooks/make.sql', inputs: ['raw'], outputs: ['t'] },
        { notebook: 'notebooks/on_source.sql', inputs: ['raw'] },
        { notebook: 'notebooks/on_upstream.sql', inputs: ['t'] }
      ],
      sources
    })
    await runLocal(
      root,
      planOf({
        steps: [
          { notebook: 'notebooks/make.sql', inputs: ['raw'], outputs: ['t'] }
        ],
        sources
      })
    )
    const raw = await readFile(path.join(root, 'data/raw.csv'))
    const upstream = path.join(root, T, 'make/t.parquet')
    const before = await readFile(upstream)
    // --lazy keeps make's table as it is; the other two try to overwrite.
    const report = await runLocal(root, plan, runOptions({ lazy: true }))
    const steps = byKey(report)
    expect(report.status).toBe('failed')
    expect(steps.on_source.error?.message).toMatch(
      /^notebooks\/on_source\.sql:2: '.*data\/raw\.csv' is outside what this step may write: inputs and sources are read-only/
    )
    expect(steps.on_upstream.status).toBe('failed')
    expect(await readFile(path.join(root, 'data/raw.csv'))).toEqual(raw)
    expect(await readFile(upstream)).toEqual(before)
  })

  it('gives each step a private temporary folder: no channel through .tmp/', async () => {
    const cwd = process.cwd()
    await mkdir(path.join(root, '.tmp'))
    await writeFiles(root, {
      'notebooks/writer.sql': sqlNotebook(
        "COPY (SELECT 42 AS x) TO '.tmp/x.csv' (FORMAT csv)"
      ),
      'notebooks/reader.sql': sqlNotebook(
        "CREATE TABLE IDENTIFIER(:seen_out) AS SELECT * FROM read_csv_auto('.tmp/x.csv')"
      )
    })
    process.chdir(root)
    let report: RunReport
    try {
      report = await runLocal(
        root,
        planOf({
          steps: [
            { notebook: 'notebooks/writer.sql' },
            { notebook: 'notebooks/reader.sql', outputs: ['seen'] }
          ],
          sources
        }),
        runOptions({ parallelism: 1 })
      )
    } finally {
      process.chdir(cwd)
    }
    expect(byKey(report).reader.status).toBe('failed')
    await expect(stat(path.join(root, '.tmp/x.csv'))).rejects.toThrow()
    await expect(
      stat(path.join(root, T, 'reader/seen.parquet'))
    ).rejects.toThrow()
  })

  it('sends PRAGMA enable_profiling output to the step log', async () => {
    await writeFiles(root, {
      'notebooks/profiled.sql': sqlNotebook(
        'PRAGMA enable_profiling;\nSELECT 42 AS answer;'
      )
    })
    const events: RunEvent[] = []
    const report = await runLocal(
      root,
      planOf({ steps: [{ notebook: 'notebooks/profiled.sql' }], sources }),
      runOptions({ onEvent: (e) => events.push(e) })
    )
    expect(report.status).toBe('succeeded')
    const log = await readFile(
      path.join(root, '.dtflw/runs', report.runId, 'logs/profiled.log'),
      'utf8'
    )
    expect(log).toContain('Query Profiling Information')
    expect(log).toContain('SELECT 42 AS answer')
  })
})

describe('DuckDB alone holds a SQL step, whatever the statement guard lets through', () => {
  it('refuses the real files, lets a write land only on a copy, and the step then fails naming the file', async () => {
    const root = await makeRepo({
      'data/raw.csv': 'id\n1\n2\n',
      'data/raw_a.csv': 'id\n3\n',
      'data/secret.csv': 'token\nx\n'
    })
    const worker = startSqlWorker({ PATH: '/usr/bin:/bin' }, root)
    try {
      const tmp = path.join(root, '.dtflw/runs/r/work/probe')
      await mkdir(tmp, { recursive: true })
      const input = async (
        param: string,
        table: LocalTable
      ): Promise<StepInput> => ({
        input: { param, table: param.replace(/_in$/, '') } as PlannedInput,
        table,
        reader: await readExpression(table),
        grant: await grantFor(table)
      })
      const raw = path.join(root, 'data/raw.csv')
      const copied = await copyInputs(
        [
          await input('raw_in', { path: raw, format: 'csv' }),
          await input('rawg_in', {
            path: path.join(root, 'data/raw_*.csv'),
            format: 'csv'
          })
        ],
        path.join(tmp, 'inputs')
      )
      const tables = { inputs: copied.inputs, outputs: [] }
      const duckdb = planDuckdbStepSql(tables, tmp)
      const rawIn = planSqlParameters({}, tables).raw_in.value
      const before = await readFile(raw)
      // Statements as a notebook could write them, none checked by the guard.
      const probes = [
        `COPY (SELECT 'pwned' AS id) TO '${raw}' (FORMAT csv, USE_TMP_FILE false)`,
        `PREPARE q AS COPY (SELECT 'pwned' AS id) TO $1 (FORMAT csv, USE_TMP_FILE false)`,
        `EXECUTE q('${raw}')`,
        `SELECT * FROM read_csv_auto('${path.join(root, 'data/secret.csv')}')`,
        `COPY (SELECT 9 AS id) TO '${path.join(root, 'data/raw_new.csv')}' (FORMAT csv)`,
        `SELECT count(*) AS n FROM "rawg_in"`,
        `COPY (SELECT 1 AS x) TO 'scratch.parquet' (FORMAT parquet)`,
        `EXECUTE q('${rawIn}')`
      ]
      const lines: string[] = []
      const errors: string[] = []
      for (const [i, text] of probes.entries()) {
        const result = await worker.run(
          {
            id: i + 1,
            threads: 1,
            cwd: tmp,
            setup: [...duckdb.setup, ...duckdb.sandbox],
            statements: [
              ...(text.startsWith('EXECUTE')
                ? [{ text: probes[1], line: 1, cell: 0 }]
                : []),
              { text, line: 2, cell: 0 }
            ],
            exports: []
          },
          (line) => lines.push(line),
          () => undefined
        )
        errors.push(
          ('error' in result ? result.error?.message : result.crashed)?.split(
            '\n'
          )[0] ?? 'ok'
        )
      }
      expect(errors).toEqual([
        expect.stringMatching(
          /^Permission Error: Cannot access file ".*data\/raw.csv"/
        ),
        'ok',
        expect.stringMatching(
          /^Permission Error: Cannot access file ".*data\/raw.csv"/
        ),
        expect.stringMatching(/^Permission Error: .*data\/secret.csv/),
        expect.stringMatching(/^Permission Error: .*data\/raw_new.csv/),
        'ok',
        'ok',
        'ok'
      ])
      // The glob's one match, and no more.
      expect(lines).toContain('  1')
      expect(await readFile(raw)).toEqual(before)
      await expect(stat(path.join(root, 'data/raw_new.csv'))).rejects.toThrow()
      await expect(checkInputCopies(root, copied.copies)).rejects.toThrow(
        'the notebook wrote its input "raw" (data/raw.csv), which a step may only read: it was given a copy, and the file is unchanged'
      )
    } finally {
      worker.close()
      await removeRepo(root)
    }
  })
})

describe('a SQL worker process', () => {
  it('fails the job, not the engine, when DuckDB aborts the process', async () => {
    const root = await makeRepo({})
    const worker = startSqlWorker(
      { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' },
      root
    )
    try {
      // An engine statement (unchecked, unlike a notebook's) that makes
      // DuckDB throw from a destructor when the step's database closes.
      const result = await worker.run(
        {
          id: 1,
          threads: 1,
          cwd: root,
          setup: [
            'SET enable_external_access = false',
            "CALL enable_logging(storage_path = '/nonexistent/dtflw')"
          ],
          statements: [{ text: 'SELECT 1', line: 2, cell: 0 }],
          exports: []
        },
        () => undefined,
        () => undefined
      )
      expect(result.crashed).toMatch(
        /^killed by signal SIGABRT: terminate called after throwing an instance of 'duckdb::PermissionException'/
      )
      expect(worker.alive).toBe(false)
      const next = startSqlWorker({ PATH: '/usr/bin:/bin' }, root)
      const lines: string[] = []
      const ok = await next.run(
        {
          id: 2,
          threads: 1,
          cwd: root,
          setup: [],
          statements: [{ text: 'SELECT 7 AS seven', line: 1, cell: 0 }],
          exports: []
        },
        (line) => lines.push(line),
        () => undefined
      )
      next.close()
      expect(ok).toEqual({})
      expect(lines).toContain('  7')
    } finally {
      worker.kill()
      await removeRepo(root)
    }
  })

  it("answers the engine's inspections from a database of its own, which a notebook's statements never reach", async () => {
    const root = await makeRepo({ 'data/raw.csv': 'id\n1\n2\n3\n' })
    const worker = startSqlWorker({ PATH: '/usr/bin:/bin' }, root)
    try {
      const csv = path.join(root, 'data/raw.csv')
      const job = await worker.run(
        {
          id: 1,
          threads: 1,
          cwd: root,
          setup: [],
          statements: [
            {
              text: 'CREATE MACRO read_csv_auto(p) AS TABLE SELECT 42 AS id',
              line: 2,
              cell: 0
            },
            { text: 'CREATE TABLE left_behind AS SELECT 1', line: 3, cell: 0 }
          ],
          exports: []
        },
        () => undefined,
        () => undefined
      )
      expect(job).toEqual({})
      const [counted, described] = await worker.inspect([
        `SELECT count(*) FROM read_csv_auto('${csv}')`,
        `DESCRIBE SELECT * FROM read_csv_auto('${csv}')`
      ])
      expect(Number(counted[0][0])).toBe(3)
      expect(described.map((row) => row[0])).toEqual(['id'])
      await expect(
        worker.inspect(['SELECT * FROM left_behind'])
      ).rejects.toThrow(/left_behind does not exist/)
      // A failed inspection leaves the worker serving.
      expect(worker.alive).toBe(true)
      const [again] = await worker.inspect(['SELECT 5'])
      expect(again).toEqual([[5]])
    } finally {
      worker.close()
      await removeRepo(root)
    }
  })
})
