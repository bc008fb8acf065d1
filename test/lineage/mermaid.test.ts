import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { everyNth, syntheticPlan } from '../../bench/synthetic-plan.js'
import {
  buildLineage,
  diffLineage,
  escapeMermaidLabel,
  renderMermaid
} from '../../src/lineage/index.js'
import { parseWithMermaid } from './support/mermaid.js'
import { planOf } from '../support/plan.js'
import { prScenario, samplePlan, sampleReport } from './support/sample.js'

const SAMPLE = `flowchart LR
  t3[("raw_orders")]
  t4[("raw_products")]
  s0["ingest_data"]
  t1[("products_bronze")]
  t5[("sales_orders_bronze")]
  s1["import_data"]
  t0[("customers_silver")]
  t2[("products_silver")]
  t6[("sales_orders_silver")]
  s2["calculate_sales_stats"]
  t7[("sales_stats_by_customer_gold")]
  t8[("sales_stats_by_product_gold")]
  t3 --> s0
  t4 --> s0
  s0 --> t1
  s0 --> t5
  t1 --> s1
  t5 --> s1
  s1 --> t0
  s1 --> t2
  s1 --> t6
  t0 --> s2
  t2 --> s2
  t6 --> s2
  s2 --> t7
  s2 --> t8
  classDef source fill:#f6f8fa,stroke:#8c959f,color:#1f2328
  class t3,t4 source
`

// Names a manifest may hold in notebook paths and table names: spaces,
// quotes, brackets of every kind, entity look-alikes, Mermaid keywords and
// directives, markup, non-ASCII letters. No "/" or "\\": those end a file
// name. (Step keys are plain: validate refuses others.)
const NASTY = [
  'orders "raw"',
  'sales [eu] (v2) {x}',
  'café_ümlaut_日本_Ωmega',
  '#quot; &amp; <b>bold',
  '%%{init: {"theme": "dark"}}%%',
  'end',
  'a|b;c:::d',
  '`code` and ~~~',
  'graph TD; A-->B',
  'emoji 🚀 name'
]

/** A table name of the same characters: table names hold no spaces. */
const tableOf = (name: string, suffix: string) =>
  `${name.replace(/ /g, '_')}_${suffix}`

describe('renderMermaid', () => {
  it('draws the sample pipeline: notebooks as rectangles, tables as cylinders', () => {
    const result = renderMermaid(buildLineage(samplePlan()))
    expect(result).toEqual({
      text: SAMPLE,
      level: 'full',
      nodes: 12,
      edges: 14,
      totalNodes: 12
    })
  })

  it('marks changed and impacted nodes, row counts and rewired edges', () => {
    const { head, diff } = prScenario()
    const result = renderMermaid(head, { diff })
    expect(result.level).toBe('full')
    expect(result.text).toBe(`flowchart LR
  t3[("raw_orders<br/>1,204 rows")]
  t4[("raw_products<br/>48 rows")]
  s0["ingest_data"]
  t1[("products_bronze<br/>48 rows")]
  t5[("sales_orders_bronze<br/>1,204 rows")]
  s1["import_data"]
  t0[("customers_silver<br/>311 rows")]
  t2[("products_silver<br/>48 rows")]
  t6[("sales_orders_silver<br/>1,198 rows")]
  s2["calculate_sales_stats"]
  t7[("sales_stats_by_customer_gold<br/>311 rows")]
  t8[("sales_stats_by_product_gold<br/>48 rows")]
  t3 --> s0
  t4 --> s0
  s0 --> t1
  s0 --> t5
  t1 --> s1
  t5 --> s1
  s1 --> t0
  s1 --> t2
  s1 --> t6
  t0 --> s2
  t2 --> s2
  t6 --> s2
  s2 --> t7
  s2 --> t8
  classDef source fill:#f6f8fa,stroke:#8c959f,color:#1f2328
  classDef impacted fill:#ddf4ff,stroke:#0969da,stroke-dasharray:4 2,color:#1f2328
  classDef changed fill:#fff1cc,stroke:#ffa502,stroke-width:3px,color:#1f2328
  class t3,t4 source
  class t0,t2,t6,s2,t7,t8 impacted
  class s1 changed
`)
  })

  it('keeps docs/sample-lineage.mmd, the source of the README picture, current', async () => {
    const { head, diff } = prScenario()
    const file = new URL('../../docs/sample-lineage.mmd', import.meta.url)
    expect(await readFile(file, 'utf8')).toBe(
      renderMermaid(head, { diff }).text
    )
  })

  it('draws added, removed and rewired edges and removed nodes', () => {
    const base = buildLineage(samplePlan())
    const head = buildLineage(
      planOf({
        pipeline: 'sales',
        profile: 'development',
        sources: {
          raw_orders: { path: 'data/raw_orders.csv', format: 'csv' }
        },
        steps: [
          {
            notebook: 'notebooks/ingest_data.sql',
            inputs: ['raw_orders'],
            outputs: ['sales_orders_bronze']
          },
          {
            notebook: 'notebooks/import_data.py',
            inputs: ['sales_orders_bronze'],
            outputs: ['sales_orders_silver']
          }
        ]
      })
    )
    const text = renderMermaid(head, { diff: diffLineage(base, head) }).text
    expect(text).toContain('  t0[("raw_orders")]\n')
    expect(text).toMatch(/ -\.-x s\d\n/)
    expect(text).toContain('classDef removed ')
    expect(text).toContain('  class t6,t4,t3,t5,s2,t7,t8 removed\n')
    expect(text).toContain('  t6 -.-x s0\n')
    expect(text).toMatch(/linkStyle [\d,]+ stroke:#ff067e/)
  })

  it('shows failed and skipped steps and undeclared writes', () => {
    const plan = samplePlan()
    const lineage = buildLineage(
      plan,
      sampleReport(plan, {
        import_data: {
          status: 'failed',
          writes: [{ table: 'scratch', param: 'scratch_out' }]
        },
        calculate_sales_stats: {
          status: 'skipped',
          skippedBecause: 'import_data',
          writes: [],
          reads: []
        }
      })
    )
    const text = renderMermaid(lineage).text
    expect(text).toContain('s1["import_data<br/>failed"]')
    expect(text).toContain('s2["calculate_sales_stats<br/>skipped"]')
    expect(text).toMatch(/s1 -\.->\|undeclared\| t\d/)
    expect(text).toMatch(/class s1 failed/)
    expect(text).toMatch(/class s2 notrun/)
  })

  it('escapes labels so that no name reaches the grammar', () => {
    expect(escapeMermaidLabel('a "b" #1; <i> & `c` 100%')).toBe(
      'a #quot;b#quot; #35;1; #lt;i#gt; #amp; #96;c#96; 100#37;'
    )
    expect(escapeMermaidLabel('line\nbreak\ttab')).toBe('line break tab')
    expect(escapeMermaidLabel('café 日本 🚀 [x] (y) {z}')).toBe(
      'café 日本 🚀 [x] (y) {z}'
    )
  })

  it("produces text that Mermaid's own parser accepts, whatever the names", async () => {
    const source = tableOf(NASTY[NASTY.length - 1], 'source')
    const nasty = planOf({
      sources: { [source]: { path: 'data/raw.csv' } },
      steps: NASTY.map((name, i) => ({
        notebook: `notebooks/${name}.py`,
        key: `step_${i}`,
        inputs: [i === 0 ? source : tableOf(NASTY[i - 1], 'table')],
        outputs: [tableOf(name, 'table')]
      }))
    })
    expect(nasty.steps.map((s) => s.notebook)).toEqual(
      NASTY.map((name) => `notebooks/${name}.py`)
    )
    const lineage = buildLineage(nasty)
    const diffed = diffLineage(buildLineage(samplePlan()), lineage, ['step_3'])
    const texts = [
      renderMermaid(buildLineage(samplePlan())).text,
      renderMermaid(prScenario().head, { diff: prScenario().diff }).text,
      renderMermaid(lineage).text,
      renderMermaid(lineage, { diff: diffed }).text
    ]
    // Only ids, arrows and class statements outside quoted labels.
    for (const line of texts[3].split('\n').slice(1, -1)) {
      expect(line).toMatch(
        /^ {2}(?:[st]\d+(?:\["[^"]*"\]|\[\("[^"]*"\)\])|[st]\d+ (?:-->|==>|-\.-x|-\.->\|undeclared\|) [st]\d+|classDef \w+ [\w:#,. -]+|class [st\d,]+ \w+|linkStyle [\d,]+ [\w:#,. -]+)$/
      )
    }
    const results = await parseWithMermaid(texts)
    expect(results).toEqual(
      texts.map(() => ({ ok: true, type: 'flowchart-v2' }))
    )
    // The parser is not lenient: an unescaped quote is refused.
    const [broken] = await parseWithMermaid([
      'flowchart LR\n  s0["x"y"] --> s1\n'
    ])
    expect(broken.ok).toBe(false)
  })

  it('degrades to the changed neighbourhood, then to nothing, within the limits', async () => {
    const plan = syntheticPlan(600)
    const lineage = buildLineage(plan)
    expect(renderMermaid(lineage).level).toBe('none')

    const changed = everyNth(plan, 100)
    const diff = diffLineage(lineage, lineage, changed)
    const result = renderMermaid(lineage, { diff })
    expect(result.level).toBe('changed')
    expect(result.edges).toBeLessThanOrEqual(500)
    expect(result.text.length).toBeLessThanOrEqual(50_000)
    expect(result.totalNodes).toBe(plan.steps.length + lineage.tables.length)

    const tight = renderMermaid(lineage, { diff, maxChars: 4000 })
    expect(['changed', 'none']).toContain(tight.level)
    expect(tight.text.length).toBeLessThanOrEqual(4000)

    // A graph at the edge limit is still one Mermaid draws; past it, not.
    const atLimit = renderMermaid(buildLineage(syntheticPlan(125)))
    expect(atLimit).toMatchObject({ level: 'full', edges: 500 })
    const past = renderMermaid(buildLineage(syntheticPlan(126)), {
      maxEdges: 10_000
    })
    expect(past.edges).toBeGreaterThan(500)
    expect(renderMermaid(buildLineage(syntheticPlan(126))).level).toBe('none')
    const [accepted, refused] = await parseWithMermaid([
      atLimit.text,
      past.text
    ])
    expect(accepted).toEqual({ ok: true, type: 'flowchart-v2' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error).toMatch(/Edge limit exceeded/)
  })

  it('is byte-identical across renders', () => {
    const { head, diff } = prScenario()
    expect(renderMermaid(head, { diff }).text).toBe(
      renderMermaid(head, { diff }).text
    )
  })
})
