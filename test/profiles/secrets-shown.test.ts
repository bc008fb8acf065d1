import { describe, expect, it } from '@jest/globals'
import { environmentSecrets, secretTest } from '../../src/profiles/secrets.js'

describe('what .env holds', () => {
  const context = {
    env: {
      DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net',
      DATABRICKS_CLIENT_ID: 'c0ffee-sp',
      WAREHOUSE: 'warehouse-of-mine'
    },
    dotenv: {
      DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net',
      DATABRICKS_CLIENT_ID: 'c0ffee-sp',
      WAREHOUSE: 'warehouse-of-mine'
    }
  }

  it('is secret, but for the settings that name a workspace or a client, so run links keep their host', () => {
    const isSecret = secretTest([], context)
    expect(isSecret('WAREHOUSE')).toBe(true)
    expect(isSecret('DATABRICKS_HOST')).toBe(false)
    expect(isSecret('DATABRICKS_CLIENT_ID')).toBe(false)
    expect(environmentSecrets(context, isSecret)).toEqual(['warehouse-of-mine'])
  })

  it('a profile may still list one of them under secrets:', () => {
    const isSecret = secretTest(['DATABRICKS_HOST'], context)
    expect(environmentSecrets(context, isSecret)).toContain(
      'https://adb-1.azuredatabricks.net'
    )
  })
})
