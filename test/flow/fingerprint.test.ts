import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  changedSteps,
  fingerprintSteps,
  normaliseNotebook
} from '../../src/flow/fingerprint.js'
import { deferInputs, reachable, selectSteps } from '../../src/flow/index.js'
import type { Plan } from '../../src/flow/index.js'
import { copySalesProject } from '../support/sales-project.js'
import type { SalesProject } from '../support/sales-project.js'
import {
  SALES_STEPS,
  samplePlan,
  sampleSketch
} from '../lineage/support/sample.js'
import { planOf } from '../support/plan.js'
import type { StepSketch } from '../support/plan.js'

const NOTEBOOKS: Record<string, string> = {
  'notebooks/ingest_data.sql':
    '-- Databricks notebook source\nSELECT * FROM IDENTIFIER(:raw_orders_in)\n',
  'notebooks/import_data.py':
    '# Databricks notebook source\ndf = spark.read.parquet(dbutils.widgets.get("sales_orders_bronze_in"))\n',
  'notebooks/calculate_sales_stats.sql':
    '-- Databricks notebook source\nSELECT :year\n'
}

const reader =
  (files: Record<string, string>) =>
  async (p: string): Promise<string> => {
    if (!(p in files)) throw new Error(`no notebook ${p}`)
    return files[p]
  }

const prints = (plan: Plan, files = NOTEBOOKS) =>
  fingerprintSteps(plan, reader(files))

const withSteps = (edit: (steps: StepSketch[]) => void): Plan => {
  const steps = structuredClone(SALES_STEPS) as StepSketch[]
  edit(steps)
  return samplePlan('development', steps)
}

describe('fingerprintSteps', () => {
  it('gives each step a stable SHA-256 fingerprint', async () => {
    const a = await prints(samplePlan())
    const b = await prints(samplePlan())
    expect(a).toEqual(b)
    expect(Object.keys(a)).toEqual([
      'ingest_data',
      'import_data',
      'calculate_sales_stats'
    ])
    expect(new Set(Object.values(a)).size).toBe(3)
    for (const v of Object.values(a)) expect(v).toMatch(/^[0-9a-f]{64}$/)
  })

  it('ignores line endings and a byte-order mark', async () => {
    const crlf = Object.fromEntries(
      Object.entries(NOTEBOOKS).map(([k, v]) => [
        k,
        '\uFEFF' + v.replace(/\n/g, '\r\n')
      ])
    )
    expect(await prints(samplePlan(), crlf)).toEqual(await prints(samplePlan()))
    expect(normaliseNotebook('a\r\nb\rc\n')).toBe('a\nb\nc\n')
  })

  it('a notebook edit changes exactly that step', async () => {
    const edited = {
      ...NOTEBOOKS,
      'notebooks/import_data.py':
        NOTEBOOKS['notebooks/import_data.py'] + 'df = df.dropna()\n'
    }
    const diff = changedSteps(
      await prints(samplePlan()),
      await prints(samplePlan(), edited)
    )
    expect(diff).toEqual({ added: [], removed: [], changed: ['import_data'] })
  })

  it('a changed variable changes exactly the steps whose arguments use it', async () => {
    const head = planOf({ ...sampleSketch(), variables: { year: '2023' } })
    expect(
      changedSteps(await prints(samplePlan()), await prints(head))
    ).toEqual({
      added: [],
      removed: [],
      changed: ['calculate_sales_stats']
    })
  })

  it('counts declared columns and source read options', async () => {
    const columns = withSteps((s) => {
      s[2] = {
        ...s[2],
        outputs: [
          'sales_stats_by_product_gold',
          {
            name: 'sales_stats_by_customer_gold',
            columns: { customer_id: 'string' }
          }
        ]
      }
    })
    expect(
      changedSteps(await prints(samplePlan()), await prints(columns)).changed
    ).toEqual(['calculate_sales_stats'])
    const options = (header: boolean) =>
      planOf({
        sources: {
          raw: { path: 'data/raw.csv', format: 'csv', options: { header } }
        },
        steps: [
          { notebook: 'nb/load.py', inputs: ['raw'], outputs: ['orders'] },
          { notebook: 'nb/sum.py', inputs: ['orders'], outputs: ['total'] }
        ]
      })
    const files = { 'nb/load.py': 'load', 'nb/sum.py': 'sum' }
    expect(
      changedSteps(
        await prints(options(true), files),
        await prints(options(false), files)
      ).changed
    ).toEqual(['load'])
  })

  it('reads each notebook once', async () => {
    const reads: string[] = []
    await fingerprintSteps(samplePlan(), async (p) => {
      reads.push(p)
      return NOTEBOOKS[p]
    })
    expect(reads.sort()).toEqual(Object.keys(NOTEBOOKS).sort())
  })
})

describe('changedSteps', () => {
  it('sorts added, removed and changed keys', () => {
    expect(
      changedSteps(
        { b: '1', a: '1', c: '1' },
        { c: '2', d: '1', a: '1', e: '0' }
      )
    ).toEqual({
      added: ['d', 'e'],
      removed: ['b'],
      changed: ['c']
    })
  })
})

describe('change detection on examples/sales with the planner', () => {
  let project: SalesProject
  beforeEach(async () => {
    project = await copySalesProject()
  })
  afterEach(() => project.remove())

  const printsOf = async (profile: string) =>
    fingerprintSteps(await project.plan(profile), (p) => project.read(p))

  it('a notebook change selects exactly it and its downstream, deferring upstream inputs', async () => {
    const base = await printsOf('development')
    const nb = 'notebooks/import_data.py'
    await project.write(
      nb,
      (await project.read(nb)) + '# a comment that changes the file\n'
    )
    const head = await project.plan('development')
    const changed = changedSteps(
      base,
      await fingerprintSteps(head, (p) => project.read(p))
    )
    expect(changed).toEqual({
      added: [],
      removed: [],
      changed: ['import_data']
    })

    const selected = reachable(head, changed.changed, 'downstream')
    expect([...selected].sort()).toEqual([
      'calculate_sales_stats',
      'import_data'
    ])
    const plan = deferInputs(
      selectSteps(head, selected),
      await project.plan('acceptance')
    )
    expect(plan.steps.map((s) => s.key)).toEqual([
      'import_data',
      'calculate_sales_stats'
    ])
    expect(plan.excluded).toEqual(['ingest_data'])
    expect(plan.steps[0].parameters.sales_orders_bronze_in).toBe(
      'sales_acceptance.sales.sales_orders_bronze'
    )
  })

  it('a changed profile variable selects the steps that use it, in that environment only', async () => {
    const before = {
      acceptance: await printsOf('acceptance'),
      test: await printsOf('test'),
      development: await printsOf('development')
    }
    const file = 'profiles/acceptance.yaml'
    await project.write(
      file,
      (await project.read(file)) + 'variables:\n  year: "2024"\n'
    )
    expect(
      changedSteps(before.acceptance, await printsOf('acceptance')).changed
    ).toEqual(['calculate_sales_stats'])
    expect(changedSteps(before.test, await printsOf('test')).changed).toEqual(
      []
    )

    const shared = 'profiles/base.yaml'
    await project.write(
      shared,
      (await project.read(shared)).replace('year: "2022"', 'year: "2021"')
    )
    expect(
      changedSteps(before.development, await printsOf('development')).changed
    ).toEqual(['calculate_sales_stats'])
    expect(changedSteps(before.test, await printsOf('test')).changed).toEqual([
      'calculate_sales_stats'
    ])
  })
})
