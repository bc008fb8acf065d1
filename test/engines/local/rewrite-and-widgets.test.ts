import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import {
  applyWidgetDefaults,
  findWidgetDefaults,
  isWidgetStatement
} from '../../../src/engines/local/notebook/widget-defaults.js'
import { parseNotebook } from '../../../src/notebooks/index.js'
import type { RunReport } from '../../../src/report/index.js'
import { planOf } from '../../support/plan.js'
import {
  magicCell,
  makeRepo,
  pyNotebook,
  readParquet,
  removeRepo,
  runLocal,
  sqlNotebook,
  writeFiles
} from '../support/repo.js'

const step = (report: RunReport, key: string) =>
  report.steps.find((s) => s.key === key)!

describe('widget declarations', () => {
  it('finds SQL and Python widget defaults, the first declaration of a name winning', () => {
    const sql = parseNotebook(
      sqlNotebook(
        [
          '-- Parameters, for running by hand:',
          "CREATE WIDGET TEXT since DEFAULT '2024-03-01';",
          'create widget dropdown region default "EU" choices select * from (values ("EU"), ("US"));',
          "-- CREATE WIDGET TEXT commented DEFAULT 'x';",
          "CREATE WIDGET TEXT since DEFAULT 'later'"
        ].join('\n'),
        'REMOVE WIDGET region;\nSELECT :since, :region'
      ),
      'n.sql'
    )
    expect(findWidgetDefaults(sql)).toEqual([
      { name: 'since', value: '2024-03-01', line: 3 },
      { name: 'region', value: 'EU', line: 4 }
    ])
    const py = parseNotebook(
      pyNotebook(
        [
          'dbutils.widgets.text("limit", "2")',
          "dbutils.widgets.dropdown(name='mode', defaultValue='full', choices=['full'])",
          '# dbutils.widgets.text("off", "1")',
          'dbutils.widgets.text("dynamic", default_for("x"))'
        ].join('\n')
      ),
      'n.py'
    )
    expect(findWidgetDefaults(py)).toEqual([
      { name: 'limit', value: '2', line: 2 },
      { name: 'mode', value: 'full', line: 3 }
    ])
  })

  it('lets passed parameters win and reports the defaults that applied', () => {
    const declared = [
      { name: 'a', value: 'default a', line: 1 },
      { name: 'b', value: 'default b', line: 2 }
    ]
    expect(applyWidgetDefaults({ a: 'passed', c: '' }, declared)).toEqual({
      parameters: { a: 'passed', b: 'default b', c: '' },
      applied: [declared[1]]
    })
  })

  it('knows widget statements behind comments, and nothing else', () => {
    expect(isWidgetStatement('-- x\n/* y */ Create  Widget TEXT a')).toBe(true)
    expect(isWidgetStatement('REMOVE WIDGET a')).toBe(true)
    expect(isWidgetStatement('CREATE TABLE widget AS SELECT 1')).toBe(false)
  })
})

describe('the local engine', () => {
  let root: string
  beforeAll(async () => {
    root = await makeRepo({ 'data/raw.csv': 'id,v\n1,a\n2,b\n' })
  })
  afterAll(() => removeRepo(root))
  const sources = { raw: { path: 'data/raw.csv', format: 'csv' } }

  it('gives an output that shares its input’s location the input’s rows first, as Databricks acts on one table', async () => {
    await writeFiles(root, {
      'notebooks/make.sql': sqlNotebook(
        'CREATE OR REPLACE TABLE IDENTIFIER(:t_out) AS SELECT id, v FROM IDENTIFIER(:raw_in)'
      ),
      'notebooks/grow.sql': sqlNotebook(
        "INSERT INTO IDENTIFIER(:t_out) VALUES (3, 'c');\nUPDATE IDENTIFIER(:t_out) SET v = upper(v) WHERE id = 1"
      )
    })
    const plan = planOf({
      steps: [
        { notebook: 'notebooks/make.sql', inputs: ['raw'], outputs: ['t'] },
        { notebook: 'notebooks/grow.sql', inputs: ['t'], outputs: ['t'] }
      ],
      sources,
      tables: { layout: 'catalog', catalog: 'shop', schema: 'silver' }
    })
    const report = await runLocal(root, plan)
    expect(report.status).toBe('succeeded')
    expect(
      await readParquet(
        path.join(root, '.dtflw/warehouse/shop/silver/t.parquet'),
        'SELECT * FROM {} ORDER BY id'
      )
    ).toEqual([
      { id: '1', v: 'A' },
      { id: '2', v: 'b' },
      { id: '3', v: 'c' }
    ])
    expect(step(report, 'grow').output).toContain(
      't_out: starts as the rows of the table it rewrites'
    )
  })

  it('keeps a table the step lists as its own optional input: absent on the first run, its last rows after', async () => {
    await writeFiles(root, {
      'notebooks/log.sql': sqlNotebook(
        'CREATE TABLE IF NOT EXISTS IDENTIFIER(:log_out) AS SELECT id, v FROM IDENTIFIER(:raw_in) WHERE 1 = 0;\nINSERT INTO IDENTIFIER(:log_out) SELECT id, v FROM IDENTIFIER(:raw_in)'
      )
    })
    const plan = planOf({
      steps: [
        {
          notebook: 'notebooks/log.sql',
          inputs: ['raw', { name: 'log', optional: true }],
          outputs: ['log']
        }
      ],
      sources
    })
    const file = path.join(root, '.dtflw/data/test/notebooks/log/log.parquet')
    const first = await runLocal(root, plan)
    expect(step(first, 'log').parameters.log_in).toBe('')
    expect(
      await readParquet(file, 'SELECT count(*)::INT AS n FROM {}')
    ).toEqual([{ n: 2 }])
    await runLocal(root, plan)
    expect(
      await readParquet(file, 'SELECT count(*)::INT AS n FROM {}')
    ).toEqual([{ n: 4 }])
  })

  it('binds a widget the step does not pass to the notebook’s default, in SQL and in %sql cells of Python', async () => {
    await writeFiles(root, {
      'notebooks/pick.sql': sqlNotebook(
        "CREATE WIDGET TEXT wanted DEFAULT 'b';\nCREATE WIDGET TEXT other DEFAULT 'unused'",
        'CREATE OR REPLACE TABLE IDENTIFIER(:picked_out) AS SELECT id, :other AS note FROM IDENTIFIER(:raw_in) WHERE v = :wanted'
      ),
      'notebooks/pick_py.py': pyNotebook(
        'dbutils.widgets.text("wanted", "a")\nprint("wanted=" + dbutils.widgets.get("wanted"))',
        magicCell(
          '%sql',
          'CREATE OR REPLACE TABLE IDENTIFIER(:picked_py_out) AS SELECT id FROM IDENTIFIER(:raw_in) WHERE v = :wanted'
        )
      )
    })
    const plan = planOf({
      steps: [
        {
          notebook: 'notebooks/pick.sql',
          args: { other: 'passed' },
          inputs: ['raw'],
          outputs: ['picked']
        },
        {
          notebook: 'notebooks/pick_py.py',
          inputs: ['raw'],
          outputs: ['picked_py']
        }
      ],
      sources
    })
    const report = await runLocal(root, plan)
    expect(report.status).toBe('succeeded')
    const out = path.join(root, '.dtflw/data/test/notebooks')
    expect(await readParquet(path.join(out, 'pick/picked.parquet'))).toEqual([
      { id: '2', note: 'passed' }
    ])
    expect(
      await readParquet(path.join(out, 'pick_py/picked_py.parquet'))
    ).toEqual([{ id: '1' }])
    expect(step(report, 'pick').output).toContain(
      `wanted: not passed by the flow, so the notebook's default "b" (notebooks/pick.sql:2)`
    )
    expect(step(report, 'pick_py').output).toContain('wanted=a')
  })
})
