import { describe, expect, it } from '@jest/globals'
import { actionDeps, actionEnv } from '../../src/action/deps.js'
import { readActionInputs } from '../../src/action/inputs.js'

const settings = (inputs: Record<string, string>) =>
  readActionInputs(
    Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
    ),
    '/repo'
  )

describe('the credential inputs', () => {
  it('stand for their DATABRICKS_* variables, winning over the job', () => {
    const env = actionEnv(
      settings({
        'databricks-host': 'https://adb-1.azuredatabricks.net',
        'databricks-client-id': 'sp-1'
      }),
      {
        DATABRICKS_HOST: 'https://old.azuredatabricks.net',
        DATABRICKS_CLIENT_SECRET: 'from-the-job',
        PATH: '/bin'
      }
    )
    expect(env).toEqual({
      DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net',
      DATABRICKS_CLIENT_ID: 'sp-1',
      DATABRICKS_CLIENT_SECRET: 'from-the-job',
      PATH: '/bin'
    })
  })

  it('an empty input (an unset secret) leaves the job variable alone', () => {
    const env = actionEnv(settings({ 'databricks-token': '  ' }), {
      DATABRICKS_TOKEN: 'dapi-job'
    })
    expect(env.DATABRICKS_TOKEN).toBe('dapi-job')
  })

  it('are also explicit credentials named as inputs in messages', () => {
    const deps = actionDeps(
      settings({ 'databricks-token': 'dapi-1' }),
      {},
      () => undefined
    )
    expect(deps.credentials).toEqual({
      token: 'dapi-1',
      names: { token: 'the input databricks-token' }
    })
    expect(deps.env.DATABRICKS_TOKEN).toBe('dapi-1')
  })
})
