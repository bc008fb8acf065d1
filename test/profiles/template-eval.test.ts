import { describe, expect, it } from '@jest/globals'
import { formatText } from '../../src/diagnostics/index.js'
import {
  evaluateTemplate,
  MAX_TEMPLATE_LENGTH,
  parseReference
} from '../../src/profiles/index.js'
import type { EvaluationScope } from '../../src/profiles/index.js'

const site = {
  label: 'argument "x" of step "s"',
  location: { file: 'dtflw.yaml', line: 3, column: 9 }
}

function scope(extra: Partial<EvaluationScope> = {}): EvaluationScope {
  return {
    env: {},
    profile: 'dev',
    pipeline: 'sales',
    isSecretName: (n) => n.endsWith('_TOKEN'),
    variableNames: ['big'],
    variable: () => ({
      text: 'x'.repeat(40000),
      env: [],
      secret: false,
      secrets: [],
      unresolved: false,
      failed: false,
      diagnostics: []
    }),
    ...extra
  }
}

describe('parseReference', () => {
  it('reads each form of ${…}', () => {
    expect(parseReference('var.year')).toEqual({ kind: 'var', name: 'year' })
    expect(parseReference(' HOST:-local ')).toEqual({
      kind: 'env',
      name: 'HOST',
      fallback: 'local'
    })
    expect(parseReference('git.sha')).toEqual({
      kind: 'git.sha',
      name: 'git.sha'
    })
    expect(parseReference('foo.bar')).toEqual({ error: true, name: 'foo.bar' })
  })
})

describe('evaluateTemplate on its own', () => {
  it('reads only the environment’s own names: toString is not a variable', () => {
    const value = evaluateTemplate('${toString:-none}', site, scope())
    expect(value.text).toBe('none')
  })

  it('marks a value from a secret variable and keeps the secret for masking', () => {
    const value = evaluateTemplate(
      'Bearer ${API_TOKEN}',
      site,
      scope({ env: { API_TOKEN: 't0k3n' } })
    )
    expect(value).toMatchObject({
      text: 'Bearer t0k3n',
      secret: true,
      secrets: ['t0k3n'],
      env: ['API_TOKEN']
    })
  })

  it('bounds the length of what a value expands to', () => {
    const value = evaluateTemplate('${var.big}${var.big}', site, scope())
    expect(value.failed).toBe(true)
    expect(value.diagnostics.map(formatText)).toEqual([
      `dtflw.yaml:3:9: error: argument "x" of step "s": the value grows past ${MAX_TEMPLATE_LENGTH.toLocaleString('en-US')} characters as its \${…} are filled; a setting that long is a mistake (variables that repeat each other?)`
    ])
  })
})
