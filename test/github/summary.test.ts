import { describe, expect, it } from '@jest/globals'
import { renderJobSummary } from '../../src/github/index.js'
import { expectGolden } from './support/golden.js'
import { salesPullRequest } from './support/scenarios.js'

describe('renderJobSummary', () => {
  it('shows status, steps with durations and run links, the lineage graph and the diff', async () => {
    const input = await salesPullRequest()
    const text = renderJobSummary({
      ...input,
      notes: [
        'Deployed the preview `pr-7` to `/Workspace/Shared/dtflw/sales/test/pr-7`.'
      ]
    })
    expect(text.startsWith('## ✅ `sales` on `test`: succeeded\n')).toBe(true)
    await expectGolden('sales-job-summary.md', text)
  })

  it('keeps every step and degrades the lineage first within a smaller limit', async () => {
    const input = await salesPullRequest({ failed: ['ingest_data'] })
    const full = renderJobSummary(input)
    const limit = full.length - 200
    const text = renderJobSummary(input, { limit })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit)
    expect(text.match(/^\| `[a-z_]+` \| (❌|⏭️) /gm)).toHaveLength(4)
    expect(text).toContain(
      'The graph shows 4 of 14 nodes: what changed and as much of its neighbourhood and impact as fits.'
    )
  })

  it('fits any limit down to a few hundred bytes, always naming the failed step', async () => {
    const input = await salesPullRequest({ failed: ['ingest_data'] })
    const full = renderJobSummary(input)
    for (let limit = 700; limit < full.length; limit += 250) {
      const text = renderJobSummary(input, { limit })
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit)
      expect(text).toMatch(/`ingest_data` \| ❌ failed|Failed: `ingest_data`/)
    }
  })
})
