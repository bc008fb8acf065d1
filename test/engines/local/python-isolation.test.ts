import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmod, readFile } from 'node:fs/promises'
import path from 'node:path'
import { readLocalEngineSettings } from '../../../src/engines/local/index.js'
import { probeBwrap } from '../../../src/engines/local/python/bwrap.js'
import type { RunEvent, RunReport } from '../../../src/report/index.js'
import { planOf } from '../../support/plan.js'
import type { StepSketch } from '../../support/plan.js'
import { pathLayout, profileOf } from '../../support/profiles.js'
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
import type { TestEngineOptions, TestRunOptions } from '../support/repo.js'

const T = '.dtflw/data/test/notebooks'
const CANARY = 'dapi-canary-0123456789abcdef'
const sources = { raw: { path: 'data/raw.csv', format: 'csv' } }
const byKey = (report: RunReport) =>
  Object.fromEntries(report.steps.map((s) => [s.key, s]))

describe('Python steps on the local engine', () => {
  let root: string
  beforeAll(async () => {
    root = await makeRepo({
      'data/raw.csv': 'id,amount\n1,10\n2,20\n',
      '.env': `DATABRICKS_TOKEN=${CANARY}\n`,
      'notebooks/make.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT * FROM IDENTIFIER(:raw_in)'
      ),
      'bin/marked-python':
        '#!/bin/sh\necho "marked python" >&2\nexec python3 "$@"\n'
    })
    await chmod(path.join(root, 'bin/marked-python'), 0o755)
  })
  afterAll(() => removeRepo(root))

  const run = async (
    notebooks: Record<string, string>,
    steps: StepSketch[],
    engine: TestEngineOptions = {},
    options: TestRunOptions = {}
  ): Promise<RunReport> => {
    await writeFiles(root, notebooks)
    return runLocal(
      root,
      planOf({
        steps: [
          { notebook: 'notebooks/make.sql', inputs: ['raw'], outputs: ['t'] },
          ...steps
        ],
        sources
      }),
      runOptions(options),
      engine
    )
  }

  it('get a clean environment: no token, no .env value, a minimal PATH', async () => {
    const report = await run(
      {
        'notebooks/env.py': pyNotebook(
          'import os\nfor k in sorted(os.environ): print("env", k, os.environ[k])'
        )
      },
      [{ notebook: 'notebooks/env.py' }],
      {
        env: {
          ...process.env,
          DATABRICKS_TOKEN: CANARY,
          GITHUB_TOKEN: CANARY,
          AWS_SECRET_ACCESS_KEY: CANARY
        }
      }
    )
    const env = byKey(report).env
    expect(env.status).toBe('succeeded')
    const names = (env.output ?? '')
      .split('\n')
      .filter((l) => l.startsWith('env '))
      .map((l) => l.split(' ')[1])
    expect(names).toEqual(
      expect.arrayContaining(['HOME', 'LANG', 'PATH', 'TMPDIR'])
    )
    expect(
      names.filter(
        (n) =>
          ![
            'HOME',
            'LANG',
            'PATH',
            'TMPDIR',
            'PYTHONUNBUFFERED',
            'PYTHONDONTWRITEBYTECODE',
            'PYSPARK_PYTHON',
            'TZ',
            'JAVA_HOME',
            'SPARK_HOME'
          ].includes(n)
      )
    ).toEqual([])
    expect(env.output).not.toContain(CANARY)
    expect(env.output).toMatch(
      /env PATH \S+:\/usr\/local\/bin:\/usr\/bin:\/bin\n/
    )
  })

  it('fail when they change a table they do not declare as an output, naming it', async () => {
    const report = await run(
      {
        'notebooks/sneaky.py': pyNotebook(
          'open(dbutils.widgets.get("t_in"), "ab").write(b"x")'
        )
      },
      [{ notebook: 'notebooks/sneaky.py', inputs: ['t'] }]
    )
    expect(byKey(report).sneaky.error).toEqual({
      kind: 'undeclared-write',
      table: 't',
      message: `table "t" (${T}/make/t.parquet) changed while step "sneaky" ran, and it does not declare it as an output: declare the output in dtflw.yaml, or stop writing there (sandbox: strict makes such writes fail).`
    })
    expect(report.status).toBe('failed')
  })

  it('run each step in a fresh namespace of a warm worker', async () => {
    const report = await run(
      {
        'notebooks/first.py': pyNotebook(
          'import os\nleaked = 1\nos.environ["LEAK"] = "1"\nos.chdir("/")\nprint("pid", os.getpid())'
        ),
        'notebooks/second.py': pyNotebook(
          'import os\nassert "leaked" not in globals()\nassert "LEAK" not in os.environ\nprint("cwd", os.getcwd())\nprint("pid", os.getpid())'
        )
      },
      [
        { notebook: 'notebooks/first.py', inputs: ['t'] },
        { notebook: 'notebooks/second.py' }
      ],
      {},
      // One at a time, in flow order: second runs after first, in the
      // worker first warmed.
      { parallelism: 1 }
    )
    const steps = byKey(report)
    expect(steps.second.startedAt! >= steps.first.finishedAt!).toBe(true)
    expect([steps.second.status, steps.second.error?.message]).toEqual([
      'succeeded',
      undefined
    ])
    expect(steps.second.output).toContain(`cwd ${root}`)
  })

  it('resolve python3 once to its real executable; DTFLW_PYTHON chooses another', async () => {
    const real = execFileSync('python3', [
      '-c',
      'import sys; print(sys.executable)'
    ])
      .toString()
      .trim()
    const report = await run(
      { 'notebooks/hello.py': pyNotebook('print("hello")') },
      [{ notebook: 'notebooks/hello.py' }]
    )
    expect(byKey(report).hello.output).toContain(
      `notebooks/hello.py: Python, with ${real}`
    )
    const chosen = await run(
      { 'notebooks/hello.py': pyNotebook('print("hello")') },
      [{ notebook: 'notebooks/hello.py' }],
      {
        python: readLocalEngineSettings(
          {
            ...profileOf(pathLayout('.dtflw/data')),
            values: { python: 'python3' }
          },
          { ...process.env, DTFLW_PYTHON: path.join(root, 'bin/marked-python') }
        ).python
      }
    )
    expect(byKey(chosen).hello.output).toContain(
      `Python, with ${path.join(root, 'bin/marked-python')}`
    )
  })

  it('a lazily skipped step emits no step-started event', async () => {
    const events: RunEvent[] = []
    await run({}, [], {}, { onEvent: (e) => events.push(e) })
    const again: RunEvent[] = []
    await writeFiles(root, {})
    const report = await runLocal(
      root,
      planOf({
        steps: [
          { notebook: 'notebooks/make.sql', inputs: ['raw'], outputs: ['t'] }
        ],
        sources
      }),
      runOptions({ lazy: true, onEvent: (e) => again.push(e) })
    )
    expect(report.steps[0].status).toBe('lazy')
    expect(again.filter((e) => e.type === 'step-started')).toEqual([])
    expect(events.filter((e) => e.type === 'step-started')).toHaveLength(1)
  })
})

describe('sandbox: strict', () => {
  let root: string
  let why: string | undefined
  beforeAll(async () => {
    why = await probeBwrap()
    if (why) console.log(`skipping the sandbox: strict tests: ${why}`)
    root = await makeRepo({
      'data/raw.csv': 'id,amount\n1,10\n2,20\n',
      '.env': `DATABRICKS_TOKEN=${CANARY}\n`,
      'notebooks/make.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT * FROM IDENTIFIER(:raw_in)'
      ),
      'notebooks/other.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:o_out) AS SELECT 1 AS x'
      ),
      'notebooks/strict.py': pyNotebook(
        [
          'import os',
          'def attempt(what, fn):',
          '    try:',
          '        fn()',
          '        print(what, "allowed")',
          '    except OSError as error:',
          '        print(what, "refused", type(error).__name__)',
          'attempt("read input", lambda: open(dbutils.widgets.get("t_in"), "rb").read())',
          'attempt("write input", lambda: open(dbutils.widgets.get("t_in"), "ab").write(b"x"))',
          `attempt("read other table", lambda: open("${T}/other/o.parquet", "rb").read())`,
          'attempt("write repo", lambda: open("new-file.txt", "w").write("x"))',
          'print("dotenv", repr(open(".env").read()))',
          'import duckdb',
          'duckdb.sql("SELECT 1 AS x").write_parquet(dbutils.widgets.get("out_out"))'
        ].join('\n')
      )
    })
  })
  afterAll(() => removeRepo(root))

  it('lets a step read its inputs and the repository, and write only its outputs', async () => {
    if (why) return
    const report = await runLocal(
      root,
      planOf({
        steps: [
          { notebook: 'notebooks/make.sql', inputs: ['raw'], outputs: ['t'] },
          { notebook: 'notebooks/other.sql', outputs: ['o'] },
          { notebook: 'notebooks/strict.py', inputs: ['t'], outputs: ['out'] }
        ],
        sources
      }),
      // One at a time, in flow order: the other table exists by the time
      // strict runs, so not finding it is the sandbox's doing.
      runOptions({ parallelism: 1 }),
      { sandbox: 'strict' }
    )
    const step = byKey(report).strict
    expect(step.startedAt! >= byKey(report).other.finishedAt!).toBe(true)
    expect([step.status, step.error?.message]).toEqual(['succeeded', undefined])
    const lines = (step.output ?? '').split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'read input allowed',
        'write input refused OSError',
        'read other table refused FileNotFoundError',
        'write repo refused OSError',
        "dotenv ''"
      ])
    )
    expect(await readParquet(path.join(root, T, 'strict/out.parquet'))).toEqual(
      [{ x: 1 }]
    )
    expect(await readFile(path.join(root, '.env'), 'utf8')).toContain(CANARY)
  })
})
