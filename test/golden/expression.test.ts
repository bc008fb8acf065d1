import { describe, expect, it } from '@jest/globals'
import {
  condition,
  evaluate,
  interpolate
} from '../support/workflow-runner/expression.js'
import type { ExpressionScope } from '../support/workflow-runner/expression.js'

/**
 * The runner stand-in reads the generated workflows' expressions as GitHub
 * does; a difference here would let a broken `if:` pass the golden path.
 */
const scope = (
  status: Partial<ExpressionScope['status']> = {}
): ExpressionScope => ({
  contexts: {
    github: {
      event_name: 'pull_request',
      repository: 'shop/orders',
      actor: 'dependabot[bot]',
      event: {
        pull_request: {
          number: 7,
          head: { repo: { full_name: 'Shop/Orders' } }
        }
      }
    },
    secrets: { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' },
    inputs: { sha: '' },
    steps: { dtflw: { outputs: { 'run-url': 'https://x/run/1' } } }
  },
  status: { success: true, failure: false, cancelled: false, ...status },
  hashFiles: (patterns) => (patterns[0] === 'requirements.txt' ? 'abc' : '')
})

describe('workflow expressions, as GitHub evaluates them', () => {
  it('compares strings without case, and || / && give an operand', () => {
    expect(
      evaluate(
        'github.event.pull_request.head.repo.full_name == github.repository',
        scope()
      )
    ).toBe(true)
    expect(evaluate("inputs.sha || 'HEAD'", scope())).toBe('HEAD')
    expect(
      evaluate("github.event_name == 'schedule' && '7d' || ''", scope())
    ).toBe('')
    expect(evaluate("steps.dtflw.outputs['run-url']", scope())).toBe(
      'https://x/run/1'
    )
    expect(evaluate('github.nothing.here', scope())).toBe(null)
  })

  it('reads hashFiles and the status functions', () => {
    expect(condition("hashFiles('requirements.txt') != ''", scope())).toBe(true)
    expect(condition("hashFiles('nothing.txt') != ''", scope())).toBe(false)
    // Without a status function an if: means success() && (...).
    expect(condition('true', scope({ success: false, failure: true }))).toBe(
      false
    )
    expect(
      condition('failure()', scope({ success: false, failure: true }))
    ).toBe(true)
    expect(condition("${{ github.actor != 'dependabot[bot]' }}", scope())).toBe(
      false
    )
  })

  it('interpolates ${{ }} into text and refuses what it cannot read', () => {
    expect(
      interpolate('pr-${{ github.event.pull_request.number }}', scope())
    ).toBe('pr-7')
    expect(() => evaluate('vars.X', scope())).toThrow('unknown context "vars"')
    expect(() => evaluate("'open", scope())).toThrow('unterminated string')
  })
})
