import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it
} from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  ConflictingCredentialsError,
  DatabricksApiError,
  DatabricksAuthError,
  createDatabricksClient,
  parseConfigFile,
  resolveCredentials,
  secretsOf,
  type ResolveCredentialsOptions
} from '../../../../src/engines/databricks/api/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../../support/databricks-server/index.js'
import { emptyHome, failure, fakeClock } from './helpers.js'

const SP = { clientId: 'a1b2c3d4-sp', clientSecret: 'dose-secret-m2m-0001' }
let server: DatabricksServer

beforeAll(async () => {
  server = await startDatabricksServer({
    oauthClients: [SP],
    federatedClientIds: ['f00d-sp'],
    tokenLifetimeSeconds: 60
  })
})
afterAll(() => server.close())
beforeEach(() => server.clearRequests())

/** Resolves credentials and returns a client on them with mocked time. */
async function connect(
  options: Partial<ResolveCredentialsOptions> & { env: Record<string, string> }
) {
  const resolved = await resolveCredentials({
    homeDir: await emptyHome(),
    ...options
  })
  const clock = fakeClock()
  const client = createDatabricksClient({
    host: resolved.host,
    credentials: resolved.provider,
    version: '0.1.0',
    now: clock.now,
    sleep: clock.sleep,
    random: clock.random
  })
  return { resolved, client, clock }
}

describe('personal access tokens', () => {
  it('uses DATABRICKS_HOST and DATABRICKS_TOKEN', async () => {
    const { resolved, client } = await connect({
      env: { DATABRICKS_HOST: `${server.url}/`, DATABRICKS_TOKEN: server.token }
    })
    expect(resolved).toMatchObject({ host: server.url, method: 'pat' })
    expect((await client.scim.me()).userName).toBe(server.userName)
    expect(server.requests.at(-1)?.auth).toBe('bearer')
    expect(secretsOf(resolved)).toEqual([server.token])
  })

  it('explicit values win over the environment', async () => {
    const { resolved, client } = await connect({
      explicit: {
        host: server.url,
        token: server.token,
        source: 'the Action inputs'
      },
      env: {
        DATABRICKS_HOST: 'https://elsewhere.cloud.databricks.com',
        DATABRICKS_TOKEN: 'dapi-wrong'
      }
    })
    expect(resolved.host).toBe(server.url)
    expect(resolved.provider.origin.describe).toBe(
      'the personal access token from the token in the Action inputs'
    )
    await client.scim.me()
  })

  it('a wrong token exits 3 naming the method and what to set', async () => {
    const { client } = await connect({
      env: { DATABRICKS_HOST: server.url, DATABRICKS_TOKEN: 'dapi-wrong-token' }
    })
    const error = await failure(client.workspace.list('/Shared'))
    expect(error).toBeInstanceOf(DatabricksApiError)
    expect(error).toMatchObject({
      status: 401,
      category: 'unauthenticated',
      exitCode: 3
    })
    expect(error.message).toBe(
      `Databricks at ${server.url} rejected the credentials for GET /api/2.0/workspace/list (401 UNAUTHENTICATED: Invalid access token.): the personal access token from DATABRICKS_TOKEN (auth method pat) is wrong or expired; create a new personal access token in the workspace (Settings, Developer, Access tokens) and set DATABRICKS_TOKEN.`
    )
    expect(server.requests).toHaveLength(1)
  })

  it('a workspace that answers 403 "Invalid access token." is unauthenticated too', async () => {
    const other = await startDatabricksServer({ invalidToken: 'numeric-403' })
    try {
      const { client } = await connect({
        env: { DATABRICKS_HOST: other.url, DATABRICKS_TOKEN: 'dapi-wrong' }
      })
      const error = await failure(client.scim.me())
      expect(error).toMatchObject({ status: 403, category: 'unauthenticated' })
      expect(error.message).toContain('DATABRICKS_TOKEN')
    } finally {
      await other.close()
    }
  })
})

describe('OAuth machine-to-machine', () => {
  const env = () => ({
    DATABRICKS_HOST: server.url,
    DATABRICKS_CLIENT_ID: SP.clientId,
    DATABRICKS_CLIENT_SECRET: SP.clientSecret
  })

  it('gets a token with client credentials and HTTP Basic, and reuses it', async () => {
    const { resolved, client } = await connect({ env: env() })
    expect(resolved.method).toBe('oauth-m2m')
    expect(secretsOf(resolved)).toEqual([SP.clientSecret])
    const issued = server.oauthTokensIssued()
    expect((await client.scim.me()).userName).toBe(SP.clientId)
    await client.workspace.list('/Shared')
    expect(server.oauthTokensIssued()).toBe(issued + 1)
    const tokenRequest = server.requestsTo('POST', '/oidc/v1/token')
    expect(tokenRequest).toEqual([
      expect.objectContaining({
        auth: 'basic',
        body: { grant_type: 'client_credentials', scope: 'all-apis' }
      })
    ])
  })

  it('refreshes the token before it expires, so long runs keep working', async () => {
    const { client, clock } = await connect({ env: env() })
    await client.scim.me()
    const issued = server.oauthTokensIssued()
    clock.advance(20_000)
    await client.scim.me()
    expect(server.oauthTokensIssued()).toBe(issued)
    clock.advance(15_000) // 35 s of a 60 s token: within its last half
    await client.scim.me()
    expect(server.oauthTokensIssued()).toBe(issued + 1)
    expect(server.requests.filter((r) => r.status === 401)).toEqual([])
  })

  it('fetches a new token once when the API refuses the cached one', async () => {
    const { client } = await connect({ env: env() })
    await client.scim.me()
    server.revokeOAuthTokens()
    await client.scim.me()
    expect(server.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/oidc/v1/token 200',
      '/api/2.0/preview/scim/v2/Me 200',
      '/api/2.0/preview/scim/v2/Me 401',
      '/oidc/v1/token 200',
      '/api/2.0/preview/scim/v2/Me 200'
    ])
  })

  it('a wrong secret exits 3 naming oauth-m2m and the variables', async () => {
    const { client } = await connect({
      env: { ...env(), DATABRICKS_CLIENT_SECRET: 'dose-wrong-secret' }
    })
    const error = await failure(client.scim.me())
    expect(error).toBeInstanceOf(DatabricksAuthError)
    expect(error).toMatchObject({ method: 'oauth-m2m', exitCode: 3 })
    expect(error.message).toBe(
      `the OAuth client ${SP.clientId} (from DATABRICKS_CLIENT_ID) with the secret from DATABRICKS_CLIENT_SECRET was refused by ${server.url}/oidc/v1/token (auth method oauth-m2m; 401 invalid_client: Client authentication failed): check DATABRICKS_CLIENT_ID (the service principal's application id) and DATABRICKS_CLIENT_SECRET (an OAuth secret of that service principal that has not expired).`
    )
  })
})

describe('GitHub Actions OIDC federation', () => {
  const env = (extra: Record<string, string> = {}) => ({
    DATABRICKS_HOST: server.url,
    DATABRICKS_AUTH_TYPE: 'github-oidc',
    DATABRICKS_CLIENT_ID: 'f00d-sp',
    ACTIONS_ID_TOKEN_REQUEST_URL: server.githubIdTokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: server.githubRequestToken,
    ...extra
  })

  it('exchanges the job ID token for a workspace token', async () => {
    const { resolved, client } = await connect({ env: env() })
    expect(resolved.method).toBe('github-oidc')
    expect(secretsOf(resolved)).toEqual([server.githubRequestToken])
    expect((await client.scim.me()).userName).toBe('f00d-sp')
    const [idToken, exchange] = server.requests
    expect(idToken).toMatchObject({
      method: 'GET',
      path: '/_github/id-token',
      query: { 'api-version': '2.0', audience: `${server.url}/oidc/v1/token` },
      auth: 'bearer'
    })
    expect(exchange).toMatchObject({
      path: '/oidc/v1/token',
      auth: 'none',
      body: {
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token: '***',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        scope: 'all-apis',
        client_id: 'f00d-sp'
      }
    })
    expect(client.secrets().length).toBe(3)
  })

  it('is chosen without DATABRICKS_AUTH_TYPE when only a client id is given in a job', async () => {
    const { DATABRICKS_AUTH_TYPE: _forced, ...rest } = env()
    expect((await connect({ env: rest })).resolved.method).toBe('github-oidc')
  })

  it('a policy that does not accept the token exits 3 naming github-oidc', async () => {
    const { client } = await connect({
      env: env({ DATABRICKS_TOKEN_AUDIENCE: 'https://other-audience' })
    })
    const error = await failure(client.scim.me())
    expect(error).toBeInstanceOf(DatabricksAuthError)
    expect(error).toMatchObject({ method: 'github-oidc', exitCode: 3 })
    expect(error.message).toContain('federation policy')
    expect(error.message).toContain('audience https://other-audience')
  })

  it('outside a job with id-token: write, says so', async () => {
    const error = await failure(
      connect({
        env: {
          DATABRICKS_HOST: server.url,
          DATABRICKS_AUTH_TYPE: 'github-oidc',
          DATABRICKS_CLIENT_ID: 'f00d-sp'
        }
      })
    )
    expect(error).toBeInstanceOf(DatabricksAuthError)
    expect(error.message).toContain('`permissions: id-token: write`')
  })
})

describe('~/.databrickscfg', () => {
  async function home(text: string, file = '.databrickscfg'): Promise<string> {
    const dir = await emptyHome()
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), text)
    return dir
  }
  const config = () => `
; written by hand
[DEFAULT]
host  = ${server.url}   # the loopback workspace
token = "${server.token}"

[ci]
host          = ${server.url}/
client_id     = ${SP.clientId}
client_secret = '${SP.clientSecret}'

[prod]
host  = https://prod.cloud.databricks.com
token = dapi-prod
`

  it('uses the DEFAULT profile', async () => {
    const { resolved, client } = await connect({
      env: {},
      homeDir: await home(config())
    })
    expect(resolved).toMatchObject({ host: server.url, method: 'pat' })
    expect(resolved.provider.origin.describe).toContain(
      'token in profile "DEFAULT" of'
    )
    await client.scim.me()
  })

  it('uses the profile DATABRICKS_CONFIG_PROFILE names, over DATABRICKS_TOKEN', async () => {
    const { resolved, client } = await connect({
      env: { DATABRICKS_CONFIG_PROFILE: 'ci', DATABRICKS_TOKEN: 'dapi-env' },
      homeDir: await home(config())
    })
    expect(resolved.method).toBe('oauth-m2m')
    expect((await client.scim.me()).userName).toBe(SP.clientId)
  })

  it('uses [__settings__] default_profile', async () => {
    const { resolved } = await connect({
      env: {},
      homeDir: await home(`${config()}\n[__settings__]\ndefault_profile = ci\n`)
    })
    expect(resolved.method).toBe('oauth-m2m')
  })

  it('uses the profile named explicitly, read from DATABRICKS_CONFIG_FILE', async () => {
    const dir = await home(config(), 'conf/dbx.cfg')
    const { resolved } = await connect({
      explicit: { configProfile: 'prod' },
      env: { DATABRICKS_CONFIG_FILE: '~/conf/dbx.cfg' },
      homeDir: dir
    })
    expect(resolved).toMatchObject({
      host: 'https://prod.cloud.databricks.com',
      method: 'pat'
    })
  })

  it("picks the profile of the chosen host, never another workspace's token", async () => {
    const { resolved } = await connect({
      env: { DATABRICKS_HOST: 'https://prod.cloud.databricks.com' },
      homeDir: await home(config())
    })
    expect(resolved.provider.secrets).toEqual(['dapi-prod'])
    const error = await failure(
      connect({
        env: { DATABRICKS_HOST: 'https://third.cloud.databricks.com' },
        homeDir: await home(config())
      })
    )
    expect(error.message).toMatch(
      /^no Databricks credentials for https:\/\/third\.cloud\.databricks\.com/
    )
  })

  it('refuses a profile that does not exist, listing the ones that do', async () => {
    const error = await failure(
      connect({
        env: { DATABRICKS_CONFIG_PROFILE: 'staging' },
        homeDir: await home(config())
      })
    )
    expect(error).toBeInstanceOf(DatabricksAuthError)
    expect(error.message).toContain(
      'has no such profile; its profiles are: DEFAULT, ci, prod.'
    )
  })

  it('parses comments, quotes and sections', () => {
    const file = parseConfigFile(
      'host = https://a # top\n[x]\n# c\nToken = "v # not a comment"\nempty =\n; z\n[__settings__]\ndefault_profile = x ; y\n',
      'f'
    )
    expect([...file.profiles.keys()]).toEqual(['DEFAULT', 'x'])
    expect(file.profiles.get('DEFAULT')?.get('host')).toBe('https://a')
    expect(file.profiles.get('x')?.get('token')).toBe('v # not a comment')
    expect(file.profiles.get('x')?.get('empty')).toBe('')
    expect(file.defaultProfile).toBe('x')
  })
})

describe('choosing a method', () => {
  it('DATABRICKS_AUTH_TYPE forces one', async () => {
    const { resolved } = await connect({
      env: {
        DATABRICKS_HOST: server.url,
        DATABRICKS_TOKEN: server.token,
        DATABRICKS_CLIENT_ID: SP.clientId,
        DATABRICKS_CLIENT_SECRET: SP.clientSecret,
        DATABRICKS_AUTH_TYPE: 'oauth-m2m'
      }
    })
    expect(resolved.method).toBe('oauth-m2m')
  })

  it('refuses an auth type dtflw does not speak', async () => {
    const error = await failure(
      connect({
        env: { DATABRICKS_HOST: server.url, DATABRICKS_AUTH_TYPE: 'azure-cli' }
      })
    )
    expect(error.message).toBe(
      'auth type "azure-cli" (from DATABRICKS_AUTH_TYPE) is not supported by dtflw: use pat, oauth-m2m or github-oidc, or unset DATABRICKS_AUTH_TYPE.'
    )
  })

  it('without credentials, says what to set (exit 3)', async () => {
    const error = await failure(
      connect({ env: { DATABRICKS_HOST: 'adb-1.azuredatabricks.net' } })
    )
    expect(error).toBeInstanceOf(DatabricksAuthError)
    expect((error as DatabricksAuthError).exitCode).toBe(3)
    expect(error.message).toBe(
      'no Databricks credentials for https://adb-1.azuredatabricks.net: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, or DATABRICKS_AUTH_TYPE=github-oidc with DATABRICKS_CLIENT_ID and `permissions: id-token: write`, or a ~/.databrickscfg profile.'
    )
  })

  it('without a host, says where to set it', async () => {
    const error = await failure(
      connect({ env: { DATABRICKS_TOKEN: 'dapi-x' } })
    )
    expect(error.message).toMatch(/^no Databricks host: set DATABRICKS_HOST/)
  })
})

describe('one workspace, one way to sign in', () => {
  const workspaceHost = (value: string) => ({
    value,
    name: 'workspace.host of profile "test" (profiles/test.yaml:9)'
  })

  it('refuses a token and an OAuth client given together, naming both (exit 2)', async () => {
    const error = await failure(
      connect({
        explicit: {
          token: 'dapi-input',
          names: { token: 'the input databricks-token' }
        },
        env: {
          DATABRICKS_HOST: server.url,
          DATABRICKS_CLIENT_ID: SP.clientId,
          DATABRICKS_CLIENT_SECRET: SP.clientSecret
        }
      })
    )
    expect(error).toBeInstanceOf(ConflictingCredentialsError)
    expect((error as ConflictingCredentialsError).exitCode).toBe(2)
    expect(error.message).toBe(
      `more than one way to sign in to ${server.url}: a token (the input databricks-token) and an OAuth client (DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET). Keep one, or set DATABRICKS_AUTH_TYPE to pat, oauth-m2m or github-oidc to choose.`
    )
    expect(error.message).not.toContain('dapi-input')
    expect(server.requests).toHaveLength(0)
  })

  it("uses the profile's workspace with credentials that name no host", async () => {
    const { resolved, client } = await connect({
      workspaceHost: workspaceHost(server.url),
      env: { DATABRICKS_TOKEN: server.token }
    })
    expect(resolved.host).toBe(server.url)
    await client.scim.me()
  })

  it('refuses credentials for another workspace than the profile names, before any request', async () => {
    const error = await failure(
      connect({
        workspaceHost: workspaceHost(server.url),
        env: {
          DATABRICKS_HOST: 'https://adb-2.azuredatabricks.net',
          DATABRICKS_TOKEN: 'dapi-other'
        }
      })
    )
    expect(error).toBeInstanceOf(ConflictingCredentialsError)
    expect(error.message).toBe(
      `workspace.host of profile "test" (profiles/test.yaml:9) is ${server.url}, but DATABRICKS_HOST is https://adb-2.azuredatabricks.net: the credentials are for one workspace. Make them agree: set workspace.host to \${DATABRICKS_HOST} (or remove it), or point DATABRICKS_HOST at ${server.url}.`
    )
    expect(server.requests).toHaveLength(0)
  })

  it('refuses a ~/.databrickscfg profile of another host than workspace.host, never sending its token there', async () => {
    const homeDir = await emptyHome()
    await writeFile(
      path.join(homeDir, '.databrickscfg'),
      '[prod]\nhost = https://prod.cloud.databricks.com\ntoken = dapi-prod\n'
    )
    const error = await failure(
      connect({
        workspaceHost: workspaceHost(server.url),
        env: { DATABRICKS_CONFIG_PROFILE: 'prod' },
        homeDir
      })
    )
    expect(error).toBeInstanceOf(ConflictingCredentialsError)
    expect(error.message).toContain('but host in profile "prod" of')
    expect(error.message).toContain('is https://prod.cloud.databricks.com')
    expect(server.requests).toHaveLength(0)
  })

  it('a host variable left over beside a matching ~/.databrickscfg profile is no conflict', async () => {
    const homeDir = await emptyHome()
    await writeFile(
      path.join(homeDir, '.databrickscfg'),
      `[ci]\nhost = ${server.url}\ntoken = ${server.token}\n`
    )
    const { resolved } = await connect({
      workspaceHost: workspaceHost(server.url),
      env: {
        DATABRICKS_CONFIG_PROFILE: 'ci',
        DATABRICKS_HOST: 'https://old.cloud.databricks.com'
      },
      homeDir
    })
    expect(resolved.host).toBe(server.url)
  })
})
