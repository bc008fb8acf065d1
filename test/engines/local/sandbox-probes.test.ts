import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { probeBwrap } from '../../../src/engines/local/python/bwrap.js'
import type { SandboxLevel } from '../../../src/engines/local/index.js'
import { selectSteps } from '../../../src/flow/index.js'
import type { Plan } from '../../../src/flow/index.js'
import type { RunReport } from '../../../src/report/index.js'
import { planOf } from '../../support/plan.js'
import type { StepSketch } from '../../support/plan.js'
import {
  makeRepo,
  pyNotebook,
  readParquet,
  removeRepo,
  runLocal,
  runOptions,
  sqlNotebook,
  writeFiles
} from '../support/repo.js'

// Every way the red team of issue 19 wrote what a step does not declare,
// on both sandbox levels: each is blocked (the write fails or lands on a
// throwaway copy) or detected (the run fails naming the file, and the file
// is put back), and the file is byte-identical afterwards.

const T = '.dtflw/data/test/notebooks'
const sources = {
  raw: { path: 'data/raw.csv', format: 'csv' },
  rawg: { path: 'data/raw_*.csv', format: 'csv' }
}
const byKey = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s]))
const make: StepSketch = {
  notebook: 'notebooks/make.sql',
  inputs: ['raw'],
  outputs: ['t']
}

/** The bytes of every file the probes aim at, to compare after. */
async function snapshot(root: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {}
  for (const dir of ['data', T]) {
    for (const entry of await readdir(path.join(root, dir), {
      recursive: true
    })) {
      const file = path.join(dir, entry)
      if ((await stat(path.join(root, file))).isFile()) {
        files[file] = await readFile(path.join(root, file))
      }
    }
  }
  return files
}

/** A path with every `/` written as `\x2f`, as an E'' string holds it. */
const escaped = (p: string): string => p.replaceAll('/', '\\x2f')

const LEVELS: SandboxLevel[] = ['standard', 'strict']

describe.each(LEVELS)('sandbox: %s', (sandbox) => {
  let root: string
  let raw: string
  let table: string
  let skipPython: string | undefined
  beforeAll(async () => {
    skipPython = sandbox === 'strict' ? await probeBwrap() : undefined
    if (skipPython) console.log(`skipping strict Python probes: ${skipPython}`)
    root = await makeRepo({
      'data/raw.csv': 'id,amount\n1,10\n2,20\n',
      'data/raw_a.csv': 'id,amount\n3,30\n',
      'data/raw_b.csv': 'id,amount\n4,40\n',
      'data/secret.csv': 'token\nnot-for-steps\n',
      'notebooks/make.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT * FROM IDENTIFIER(:raw_in)'
      )
    })
    raw = path.join(root, 'data/raw.csv')
    table = path.join(root, T, 'make/t.parquet')
    const first = await runLocal(root, planOf({ steps: [make], sources }))
    expect(first.status).toBe('succeeded')
  })
  afterAll(() => removeRepo(root))

  /** Runs `steps` after make (kept as it is, --lazy), on this level. */
  const run = async (
    notebooks: Record<string, string>,
    steps: StepSketch[],
    options: {
      select?: (plan: Plan) => Plan
      parallelism?: number
      lazy?: boolean
    } = {}
  ): Promise<RunReport> => {
    await writeFiles(root, notebooks)
    const plan = planOf({ steps: [make, ...steps], sources })
    return runLocal(
      root,
      options.select ? options.select(plan) : plan,
      runOptions({
        lazy: options.lazy ?? true,
        parallelism: options.parallelism ?? 2
      }),
      { sandbox }
    )
  }

  it('SQL: no statement writes an input or a source, however it is spelled', async () => {
    const before = await snapshot(root)
    const copy = (target: string, format = 'csv') =>
      `COPY (SELECT 'pwned' AS id) TO ${target} (FORMAT ${format}, USE_TMP_FILE false)`
    const half = Math.floor(raw.length / 2)
    const probes: Record<string, [string, 'raw' | 't']> = {
      copy_param: [copy("'${raw_in}'"), 'raw'],
      prepare_literal: [`PREPARE p AS ${copy(`'${raw}'`)};\nEXECUTE p`, 'raw'],
      explain_analyze: [`EXPLAIN ANALYZE ${copy(`'${raw}'`)}`, 'raw'],
      escaped_path: [copy(`E'${escaped(raw)}'`), 'raw'],
      joined_literals: [
        copy(`'${raw.slice(0, half)}'\n'${raw.slice(half)}'`),
        'raw'
      ],
      prepare_parameter: [
        `PREPARE q AS ${copy('$1')};\nEXECUTE q(:raw_in)`,
        'raw'
      ],
      table_param: [copy("'${t_in}'", 'parquet'), 't'],
      table_explain: [`EXPLAIN ANALYZE ${copy(`'${table}'`, 'parquet')}`, 't'],
      table_escaped: [copy(`E'${escaped(table)}'`, 'parquet'), 't'],
      table_prepare: [
        `PREPARE q AS ${copy('$1', 'parquet')};\nEXECUTE q(:t_in)`,
        't'
      ]
    }
    const report = await run(
      Object.fromEntries(
        Object.entries(probes).map(([key, [sql]]) => [
          `notebooks/${key}.sql`,
          sqlNotebook(sql)
        ])
      ),
      Object.keys(probes).map((key) => ({
        notebook: `notebooks/${key}.sql`,
        inputs: ['raw', 't']
      }))
    )
    const steps = byKey(report)
    for (const [key, [, target]] of Object.entries(probes)) {
      const file = target === 'raw' ? 'data/raw.csv' : 'make/t.parquet'
      expect([key, steps[key].status]).toEqual([key, 'failed'])
      // The statement guard names the file; a target it cannot read
      // (a prepared statement's parameter) it refuses as such.
      expect([key, steps[key].error?.message]).toEqual([
        key,
        key.includes('prepare') && key !== 'prepare_literal'
          ? expect.stringContaining('COPY … TO must name its file as a string')
          : expect.stringContaining(
              `${file}' is outside what this step may write`
            )
      ])
    }
    expect(await snapshot(root)).toEqual(before)
  })

  it('SQL: a glob source grants exactly its matches, not its folder', async () => {
    const before = await snapshot(root)
    const data = path.join(root, 'data')
    const report = await run(
      {
        'notebooks/glob_rows.sql': sqlNotebook(
          'CREATE OR REPLACE TABLE IDENTIFIER(:g_out) AS SELECT * FROM IDENTIFIER(:rawg_in) ORDER BY id'
        ),
        'notebooks/glob_other.sql': sqlNotebook(
          `SELECT * FROM read_csv_auto('${data}/secret.csv')`
        ),
        'notebooks/glob_folder.sql': sqlNotebook(
          `SELECT * FROM glob('${data}/*')`
        ),
        'notebooks/literal_read.sql': sqlNotebook(
          'CREATE OR REPLACE TABLE IDENTIFIER(:l_out) AS SELECT count(*) AS n FROM read_csv_auto(:raw_in)'
        ),
        'notebooks/glob_plant.sql': sqlNotebook(
          `COPY (SELECT 5 AS id, 50 AS amount) TO '${data}/raw_c.csv' (FORMAT csv)`
        )
      },
      [
        ...['glob_rows', 'glob_other', 'glob_folder', 'glob_plant'].map(
          (key) => ({
            notebook: `notebooks/${key}.sql`,
            inputs: ['rawg'],
            ...(key === 'glob_rows' ? { outputs: ['g'] } : {})
          })
        ),
        // An input read by its path: the step's copy of it.
        {
          notebook: 'notebooks/literal_read.sql',
          inputs: ['raw'],
          outputs: ['l']
        }
      ]
    )
    const steps = byKey(report)
    expect(steps.glob_rows.status).toBe('succeeded')
    expect(
      await readParquet(path.join(root, T, 'glob_rows/g.parquet'))
    ).toEqual([
      { id: '3', amount: '30' },
      { id: '4', amount: '40' }
    ])
    expect(steps.glob_other.error?.message).toMatch(
      /Permission Error: Cannot access file ".*data\/secret.csv"/
    )
    expect(steps.glob_folder.error?.message).toMatch(/Permission Error/)
    expect(steps.glob_plant.error?.message).toContain(
      "data/raw_c.csv' is outside what this step may write"
    )
    expect(steps.literal_read.status).toBe('succeeded')
    expect(
      await readParquet(path.join(root, T, 'literal_read/l.parquet'))
    ).toEqual([{ n: '2' }])
    const after = await snapshot(root)
    delete after[`${T}/glob_rows/g.parquet`]
    delete after[`${T}/literal_read/l.parquet`]
    expect(after).toEqual(before)
  })

  const python = (name: string, fn: () => Promise<void>): void => {
    it(`Python: ${name}`, async () => {
      if (skipPython) return
      await fn()
    })
  }

  python(
    'a write to a source or an input is blocked or put back, naming the file',
    async () => {
      const before = await snapshot(root)
      const report = await run(
        {
          'notebooks/py_source.py': pyNotebook(
            'open(dbutils.widgets.get("raw_in"), "w").write("pwned")'
          ),
          'notebooks/py_input.py': pyNotebook(
            'open(dbutils.widgets.get("t_in"), "r+b").write(b"pwned")'
          )
        },
        [
          { notebook: 'notebooks/py_source.py', inputs: ['raw'] },
          { notebook: 'notebooks/py_input.py', inputs: ['t'] }
        ],
        // One at a time: each change is the one step's doing.
        { parallelism: 1 }
      )
      const steps = byKey(report)
      expect(steps.py_source.status).toBe('failed')
      expect(steps.py_input.status).toBe('failed')
      if (sandbox === 'strict') {
        expect(steps.py_source.error?.message).toMatch(
          /Read-only file system: '.*data\/raw.csv'/
        )
        expect(steps.py_input.error?.message).toMatch(
          /Read-only file system: '.*make\/t.parquet'/
        )
      } else {
        expect(steps.py_source.error?.message).toMatch(
          /^source "raw" \(data\/raw.csv\) changed while step "py_source" ran/
        )
        expect(steps.py_input.error?.message).toMatch(
          /^table "t" \(.*make\/t.parquet\) changed while step "py_input" ran/
        )
      }
      expect(await snapshot(root)).toEqual(before)
    }
  )

  python(
    'a write to a table it does not declare fails a --select-ed run too, and a planted glob match goes',
    async () => {
      const before = await snapshot(root)
      const report = await run(
        {
          'notebooks/py_undeclared.py': pyNotebook(
            `open("${T}/make/t.parquet", "wb").write(b"pwned")`
          ),
          'notebooks/py_plant.py': pyNotebook(
            'open("data/raw_c.csv", "w").write("id,amount\\n6,60\\n")'
          )
        },
        [
          { notebook: 'notebooks/py_undeclared.py' },
          { notebook: 'notebooks/py_plant.py' }
        ],
        {
          select: (plan) => selectSteps(plan, ['py_undeclared', 'py_plant']),
          // One at a time: each change is the one step's doing.
          parallelism: 1
        }
      )
      const steps = byKey(report)
      expect(report.steps.map((s) => s.key)).toEqual([
        'py_undeclared',
        'py_plant'
      ])
      expect(steps.py_undeclared.status).toBe('failed')
      expect(steps.py_plant.status).toBe('failed')
      if (sandbox === 'strict') {
        // The table root is not even there for it.
        expect(steps.py_undeclared.error?.message).toMatch(
          /(Read-only file system|No such file or directory): '.*make\/t.parquet'/
        )
        expect(steps.py_plant.error?.message).toMatch(
          /Read-only file system: 'data\/raw_c.csv'/
        )
      } else {
        // Left out by the selection, the table is named by its file.
        expect(steps.py_undeclared.error?.message).toMatch(
          /^\.dtflw\/data\/test\/notebooks\/make\/t.parquet in the table root changed while step "py_undeclared" ran, and it does not declare it as an output/
        )
        expect(steps.py_plant.error?.message).toMatch(
          /source "rawg" \(data\/raw_c.csv\) changed while step "py_plant" ran/
        )
      }
      expect(await snapshot(root)).toEqual(before)
    }
  )

  python(
    'a glob source is its matches; strict shows nothing else of its folder',
    async () => {
      const report = await run(
        {
          'notebooks/py_glob.py': pyNotebook(
            [
              'import os',
              'rows = spark.read.csv(dbutils.widgets.get("rawg_in"), header=True).count()',
              'print("rows", rows, "secret", os.path.exists("data/secret.csv"), "raw", os.path.exists("data/raw.csv"))'
            ].join('\n')
          )
        },
        [{ notebook: 'notebooks/py_glob.py', inputs: ['rawg'] }]
      )
      const step = byKey(report).py_glob
      expect([step.status, step.error?.message]).toEqual([
        'succeeded',
        undefined
      ])
      expect(step.output).toContain(
        sandbox === 'strict'
          ? 'rows 2 secret False raw False'
          : 'rows 2 secret True raw True'
      )
    }
  )

  python('a failing step cannot change its own published table', async () => {
    const own = (then: string) =>
      pyNotebook(
        [
          'import duckdb, os',
          'out = dbutils.widgets.get("o_out")',
          'duckdb.sql("SELECT 1 AS x").write_parquet(out)',
          'published = os.path.join(os.path.dirname(os.path.dirname(out)), os.path.basename(out))',
          then
        ].join('\n')
      )
    await writeFiles(root, { 'notebooks/own.py': own('') })
    const step = { notebook: 'notebooks/own.py', outputs: ['o'] }
    expect((await run({}, [step], { lazy: false })).status).toBe('succeeded')
    const before = await snapshot(root)
    const report = await run(
      {
        'notebooks/own.py': own(
          'open(published, "wb").write(b"pwned")\nraise RuntimeError("failed after writing")'
        )
      },
      [step],
      { lazy: false }
    )
    const failed = byKey(report).own
    expect(failed.status).toBe('failed')
    expect(failed.error?.message).toMatch(
      sandbox === 'strict'
        ? /Read-only file system: '.*own\/o.parquet'/
        : /^table "o" \(.*own\/o.parquet\) changed while step "own" ran: a step writes its outputs only where its output parameters point \(o_out\)/
    )
    expect(await snapshot(root)).toEqual(before)
  })

  python(
    'nothing a step leaves behind reaches the next: patches, threads, forged markers',
    async () => {
      const before = await snapshot(root)
      const report = await run(
        {
          'notebooks/patcher.py': pyNotebook(
            [
              'import dtflw_harness, sys, threading, time',
              'real = dtflw_harness.run_notebook',
              'def spy(spec):',
              '    open("captured.txt", "w").write(repr(spec["parameters"]))',
              '    return real(spec)',
              'dtflw_harness.run_notebook = spy',
              'def later():',
              '    time.sleep(0.8)',
              '    open("data/raw.csv", "w").write("rewritten by a thread")',
              'threading.Thread(target=later).start()',
              'marker = "\\0dtflw-end-of-step"',
              'print(marker); print(marker, file=sys.stderr)',
              'print(marker + " 0123456789abcdef0123456789abcdef")',
              'raise RuntimeError("the patcher failed")'
            ].join('\n')
          ),
          'notebooks/next.sql': sqlNotebook(
            'CREATE OR REPLACE TABLE IDENTIFIER(:n_out) AS SELECT count(*) AS n FROM IDENTIFIER(:raw_in)'
          ),
          'notebooks/secretive.py': pyNotebook(
            'import time\ntime.sleep(1)\ndbutils.notebook.exit(dbutils.widgets.get("token"))'
          )
        },
        [
          { notebook: 'notebooks/patcher.py' },
          { notebook: 'notebooks/next.sql', inputs: ['raw'], outputs: ['n'] },
          { notebook: 'notebooks/secretive.py', args: { token: 's3cr3t' } }
        ],
        // One at a time: secretive runs in the worker patcher ran in.
        { parallelism: 1 }
      )
      const steps = byKey(report)
      expect([steps.patcher.status, steps.patcher.error?.message]).toEqual([
        'failed',
        expect.stringContaining('RuntimeError: the patcher failed')
      ])
      expect(steps.secretive.status).toBe('succeeded')
      expect(steps.secretive.exitValue).toBe('s3cr3t')
      expect(steps.next.status).toBe('succeeded')
      expect(steps.secretive.output).not.toContain('patcher')
      await expect(stat(path.join(root, 'captured.txt'))).rejects.toThrow()
      await new Promise((r) => setTimeout(r, 1000))
      const after = await snapshot(root)
      delete after[`${T}/next/n.parquet`]
      expect(after).toEqual(before)
    }
  )
})
