import { buildFlow, planFlow } from '../src/flow/index.js'
import { parseManifest } from '../src/manifest/index.js'
import type { ResolvedProfile } from '../src/profiles/index.js'
import type { BenchResult } from './types.js'
import { timeBest } from './types.js'

/**
 * A manifest of `steps` steps and two outputs each; every step reads one
 * output of each of up to three earlier steps, so the graph is wide and deep.
 */
export function generateManifest(steps: number): string {
  const lines = ['pipeline: generated', 'sources:', '  raw: {}', 'flow:']
  let seed = 42
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  for (let i = 0; i < steps; i++) {
    const inputs = new Set<string>()
    if (i === 0) inputs.add('raw')
    for (let k = 0; k < 3 && i > 0; k++) {
      const from = Math.floor(random() * i)
      inputs.add(`t${from}_${k % 2}`)
    }
    lines.push(`  - notebook: notebooks/area${i % 50}/step${i}.py`)
    lines.push(`    args: { day: "\${var.day}" }`)
    lines.push(`    inputs: [${[...inputs].join(', ')}]`)
    lines.push(`    outputs: [t${i}_0, t${i}_1]`)
  }
  return lines.join('\n') + '\n'
}

const profile: ResolvedProfile = {
  name: 'bench',
  files: ['profiles/bench.yaml'],
  engine: 'local',
  variables: { day: '2026-11-21' },
  tables: { layout: 'catalog', catalog: 'c', schema: 's' },
  sources: { raw: { table: 'x.y.raw' } },
  values: {},
  leaves: [],
  locate: () => undefined
}

function validateAndPlan(text: string): number {
  const { manifest, diagnostics } = parseManifest(text, 'dtflw.yaml', '/repo')
  if (!manifest) throw new Error(diagnostics.map((d) => d.summary).join('\n'))
  const { flow } = buildFlow(manifest)
  if (!flow) throw new Error('generated flow is invalid')
  return planFlow(flow, profile).steps.length
}

/** Validating and planning 500 and 5,000 steps (10,000 tables): time and growth. */
export async function benchPlanning(): Promise<BenchResult[]> {
  const small = generateManifest(500)
  const large = generateManifest(5000)
  validateAndPlan(small) // warm up the JIT and the schema compiler
  const tSmall = await timeBest(5, () => validateAndPlan(small))
  const tLarge = await timeBest(3, () => validateAndPlan(large))
  const growth = tLarge / tSmall
  return [
    {
      name: 'validate + plan, 5,000 steps / 10,000 tables',
      figures: { 'ms (best of 3)': Math.round(tLarge) },
      target: 'under 1,000 ms',
      passed: tLarge < 1000
    },
    {
      name: 'growth from 500 to 5,000 steps (10x the steps)',
      figures: {
        'ms at 500': Math.round(tSmall),
        'ms at 5,000': Math.round(tLarge),
        ratio: Number(growth.toFixed(2))
      },
      target: 'ratio no worse than linear (<= 10, with 25% for noise: <= 12.5)',
      passed: growth <= 12.5
    }
  ]
}
