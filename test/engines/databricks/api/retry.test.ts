import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it
} from '@jest/globals'
import {
  DEFAULT_RETRY_POLICY,
  DatabricksApiError,
  DatabricksNetworkError,
  PUBLISHED_RATE_LIMITS,
  createPacer,
  endpointFamily,
  isRetryable,
  mayReplay,
  retryDelayMs
} from '../../../../src/engines/databricks/api/index.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../../../support/databricks-server/index.js'
import {
  clientFor,
  failure,
  fakeClock,
  virtualClock,
  waitForRun
} from './helpers.js'

let server: DatabricksServer

beforeAll(async () => {
  server = await startDatabricksServer({ defaultDurationMs: 5 })
  server.workspace.putNotebook(
    '/Shared/retry/nb',
    '# Databricks notebook source\n'
  )
})
afterAll(() => server.close())
beforeEach(() => {
  server.clearFaults()
  server.clearRequests()
})

const SUBMIT = '/api/2.2/jobs/runs/submit'
const submitBody = (token?: string) => ({
  ...(token === undefined ? {} : { idempotency_token: token }),
  tasks: [
    { task_key: 'nb', notebook_task: { notebook_path: '/Shared/retry/nb' } }
  ]
})

describe('retries', () => {
  it('honours Retry-After on 429 and starts exactly one run', async () => {
    const { client, clock, log } = await clientFor(server)
    server.fault({
      method: 'POST',
      path: SUBMIT,
      times: 2,
      status: 429,
      retryAfter: 1,
      body: {
        error_code: 'REQUEST_LIMIT_EXCEEDED',
        message: 'Too many requests'
      }
    })
    const before = server.runs.all().length
    const { run_id } = await client.jobs.submitRun(submitBody('retry-429'))
    expect(clock.sleeps).toEqual([1250, 1250])
    expect(server.requestsTo('POST', SUBMIT).map((r) => r.status)).toEqual([
      429, 429, 200
    ])
    expect(log.map((e) => [e.status, e.attempt])).toEqual([
      [429, 1],
      [429, 2],
      [200, 3]
    ])
    expect(server.runs.all().length).toBe(before + 1)
    await waitForRun(client, run_id)
  })

  it('a submit whose answer was lost is retried with its token: one run, the same id', async () => {
    const { client } = await clientFor(server)
    server.fault({ method: 'POST', path: SUBMIT, when: 'after', drop: true })
    const before = server.runs.all().length
    const { run_id } = await client.jobs.submitRun(submitBody('retry-lost'))
    expect(server.requestsTo('POST', SUBMIT).map((r) => r.status)).toEqual([
      0, 200
    ])
    expect(server.runs.all().length).toBe(before + 1)
    expect(server.runs.all().at(-1)?.runId).toBe(run_id)
    await waitForRun(client, run_id)
  })

  it('never retries a submit without an idempotency token after an answer that may come after the work', async () => {
    const { client } = await clientFor(server)
    server.fault({ method: 'POST', path: SUBMIT, status: 500, times: 5 })
    const error = await failure(client.jobs.submitRun(submitBody()))
    expect(error).toMatchObject({ status: 500, category: 'unavailable' })
    expect(server.requestsTo('POST', SUBMIT)).toHaveLength(1)
  })

  it.each([429, 503])(
    'retries any request answered %i, which the workspace did not act on: a submit without a token, a create without overwrite',
    async (status) => {
      const { client } = await clientFor(server)
      server.workspace.mkdirs('/Shared/retry-created')
      server.fault({ method: 'POST', path: SUBMIT, status, times: 2 })
      const before = server.runs.all().length
      const { run_id } = await client.jobs.submitRun(submitBody())
      expect(server.requestsTo('POST', SUBMIT).map((r) => r.status)).toEqual([
        status,
        status,
        200
      ])
      expect(server.runs.all().length).toBe(before + 1)
      await waitForRun(client, run_id)
      server.fault({
        method: 'POST',
        path: '/api/2.0/workspace/import',
        status,
        times: 3
      })
      await client.workspace.import({
        path: `/Shared/retry-created/nb-${status}`,
        format: 'SOURCE',
        language: 'PYTHON',
        content: '# Databricks notebook source\n'
      })
      expect(
        server
          .requestsTo('POST', '/api/2.0/workspace/import')
          .map((r) => r.status)
      ).toEqual([status, status, status, 200])
    }
  )

  it('keeps retrying sustained 429s for the whole budget, as the SDKs do, not for a count of attempts', async () => {
    const { client, clock } = await clientFor(server)
    server.fault({
      path: '/api/2.0/workspace/list',
      status: 429,
      retryAfter: 1,
      times: 40
    })
    const started = clock.now()
    expect(await client.workspace.list('/Shared/retry')).toHaveLength(1)
    expect(server.requestsTo('GET', '/api/2.0/workspace/list')).toHaveLength(41)
    expect(clock.now() - started).toBeGreaterThanOrEqual(40_000)
  })

  it('a shorter budget (DTFLW_DATABRICKS_RETRY_BUDGET) gives up sooner', async () => {
    const { client, clock } = await clientFor(server, {
      retry: { budgetMs: 5000 }
    })
    server.fault({
      path: '/api/2.0/workspace/list',
      status: 429,
      retryAfter: 1,
      times: 100
    })
    const started = clock.now()
    const error = await failure(client.workspace.list('/Shared/retry'))
    expect(error).toMatchObject({ status: 429, category: 'rate-limited' })
    expect(clock.now() - started).toBeLessThanOrEqual(5000)
    expect(
      server.requestsTo('GET', '/api/2.0/workspace/list').length
    ).toBeGreaterThanOrEqual(4)
  })

  it.each([500, 502, 503, 504])('retries a GET after %i', async (status) => {
    const { client } = await clientFor(server)
    server.fault({ path: '/api/2.0/workspace/get-status', status, times: 2 })
    expect(
      (await client.workspace.getStatus('/Shared/retry/nb')).object_type
    ).toBe('NOTEBOOK')
    expect(
      server.requestsTo('GET', '/api/2.0/workspace/get-status')
    ).toHaveLength(3)
  })

  it('backs off exponentially with jitter when there is no Retry-After', async () => {
    const { client, clock } = await clientFor(server)
    server.fault({ path: '/api/2.0/workspace/list', status: 503, times: 3 })
    await client.workspace.list('/Shared/retry')
    expect(clock.sleeps).toEqual([750, 1500, 3000])
  })

  it('retries a GET after a reset connection', async () => {
    const { client, log } = await clientFor(server)
    server.fault({ path: '/api/2.0/workspace/list', drop: true })
    expect(await client.workspace.list('/Shared/retry')).toHaveLength(1)
    expect(log.map((e) => [e.status, e.failure])).toEqual([
      [0, 'reset'],
      [200, undefined]
    ])
  })

  it('does not replay an import without overwrite after a reset', async () => {
    const { client } = await clientFor(server)
    server.fault({ path: '/api/2.0/workspace/import', drop: true })
    const error = await failure(
      client.workspace.import({
        path: '/Shared/retry/new',
        format: 'SOURCE',
        language: 'PYTHON',
        content: 'x'
      })
    )
    expect(error).toBeInstanceOf(DatabricksNetworkError)
    expect(error).toMatchObject({ failure: 'reset', exitCode: 3 })
    expect(server.requestsTo('POST', '/api/2.0/workspace/import')).toHaveLength(
      1
    )
  })

  it('replays idempotent POSTs: mkdirs, delete, cancel, import with overwrite', async () => {
    const { client } = await clientFor(server)
    for (const path of ['mkdirs', 'import', 'delete'])
      server.fault({ path: `/api/2.0/workspace/${path}`, status: 503 })
    await client.workspace.mkdirs('/Shared/retry/dir')
    await client.workspace.import({
      path: '/Shared/retry/dir/f',
      format: 'RAW',
      content: 'x',
      overwrite: true
    })
    await client.workspace.delete('/Shared/retry/dir', { recursive: true })
    const { run_id } = await client.jobs.submitRun(submitBody('retry-cancel'))
    server.fault({ path: '/api/2.2/jobs/runs/cancel', status: 500 })
    await client.jobs.cancelRun(run_id)
    expect(server.requests.filter((r) => r.status >= 500)).toHaveLength(4)
    await waitForRun(client, run_id)
  })

  it('stops when the next wait would pass the time budget', async () => {
    const { client, clock } = await clientFor(server)
    server.fault({
      path: '/api/2.0/workspace/list',
      status: 503,
      retryAfter: 100,
      times: 100
    })
    const started = clock.now()
    const error = await failure(client.workspace.list('/Shared/retry'))
    expect(error).toMatchObject({ status: 503, retryAfterSeconds: 100 })
    expect(server.requestsTo('GET', '/api/2.0/workspace/list')).toHaveLength(3)
    expect(clock.now() - started).toBeLessThanOrEqual(
      DEFAULT_RETRY_POLICY.budgetMs
    )
  })

  it('stops after the maximum number of attempts', async () => {
    const { client } = await clientFor(server, { retry: { maxAttempts: 4 } })
    server.fault({ path: '/api/2.0/workspace/list', status: 500, times: 100 })
    await failure(client.workspace.list('/Shared/retry'))
    expect(server.requestsTo('GET', '/api/2.0/workspace/list')).toHaveLength(4)
  })

  it('gives up on a slow answer after the timeout and retries it', async () => {
    const { client, log } = await clientFor(server, { timeoutMs: 50 })
    server.fault({ path: '/api/2.0/workspace/list', delayMs: 300 })
    expect(await client.workspace.list('/Shared/retry')).toHaveLength(1)
    expect(log.map((e) => e.failure)).toEqual(['timeout', undefined])
  })

  it('an abort signal ends a call while it waits to retry', async () => {
    const { client } = await clientFor(server, { sleep: undefined })
    server.fault({
      path: '/api/2.0/workspace/list',
      status: 503,
      retryAfter: 30
    })
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 50)
    const error = await failure(
      client.workspace.list('/Shared/retry', { signal: controller.signal })
    )
    expect(error.name).toBe('AbortError')
    expect(Date.now() - started).toBeLessThan(5000)
    expect(server.requestsTo('GET', '/api/2.0/workspace/list')).toHaveLength(1)
  })

  it('classifies retryable failures and replayable requests', () => {
    const apiError = (status: number, apiMessage = 'x') =>
      new DatabricksApiError(
        {
          status,
          errorCode: 'X',
          method: 'GET',
          path: '/',
          category: 'unknown',
          apiMessage
        },
        'm'
      )
    expect(
      [429, 500, 502, 503, 504, 400, 404].map((s) => isRetryable(apiError(s)))
    ).toEqual([true, true, true, true, true, false, false])
    expect(
      isRetryable(apiError(400, 'ClusterNotReadyException: starting'))
    ).toBe(true)
    const net = (failure: 'reset' | 'refused' | 'timeout' | 'dns') =>
      new DatabricksNetworkError(failure, 'h', 'GET', '/', 'm')
    expect(
      ['reset', 'timeout', 'refused', 'dns'].map((f) =>
        isRetryable(net(f as 'reset'))
      )
    ).toEqual([true, true, false, false])
    expect(mayReplay({ method: 'GET' })).toBe(true)
    expect(mayReplay({ method: 'POST' })).toBe(false)
    expect(mayReplay({ method: 'POST', idempotent: true })).toBe(true)
    expect(mayReplay({ method: 'POST', idempotencyToken: 't' })).toBe(true)
    expect(
      retryDelayMs(apiError(503), 10, DEFAULT_RETRY_POLICY, () => 0.999)
    ).toBeLessThanOrEqual(30_000)
  })
})

describe('pacing by endpoint', () => {
  it('names endpoint families without versions or object names', () => {
    expect(endpointFamily('/api/2.0/workspace/import')).toBe('workspace/import')
    expect(endpointFamily('/api/2.2/jobs/runs/get-output')).toBe(
      'jobs/runs/get-output'
    )
    expect(endpointFamily('/api/2.1/unity-catalog/tables/c.s.t')).toBe(
      'unity-catalog/tables'
    )
    expect(endpointFamily('/api/2.0/fs/directories/Volumes/c/s/v/t')).toBe(
      'fs/directories'
    )
  })

  it('paces each endpoint by its published limit, independently of the others', async () => {
    const clock = virtualClock()
    const pacer = createPacer(PUBLISHED_RATE_LIMITS, clock)
    const started = clock.now()
    // 60 imports at 30 a second and 60 run polls at 100 a second, at once.
    const polls: number[] = []
    const all = Promise.all([
      ...Array.from({ length: 60 }, () =>
        pacer.acquire('/api/2.0/workspace/import')
      ),
      ...Array.from({ length: 60 }, () =>
        pacer
          .acquire('/api/2.2/jobs/runs/get')
          .then(() => polls.push(clock.now()))
      )
    ])
    await clock.run(all)
    const elapsed = clock.now() - started
    // The imports bound it: 60 at 30/s after a burst of 6, about 1.8 s;
    // the polls, paced at 100/s, were done in about 0.4 s.
    expect(elapsed).toBeGreaterThanOrEqual(1750)
    expect(elapsed).toBeLessThanOrEqual(1850)
    expect(Math.max(...polls) - started).toBeLessThanOrEqual(600)
  })

  it('halves an endpoint on a 429, waits its Retry-After, and comes back up gradually', async () => {
    const clock = fakeClock()
    const pacer = createPacer(PUBLISHED_RATE_LIMITS, clock)
    const path = '/api/2.0/workspace/import'
    expect(pacer.rateOf(path)).toBe(30)
    pacer.throttled(path, 1000)
    // A burst of 429s answering requests sent at the old rate halves once.
    pacer.throttled(path, 1000)
    pacer.throttled(path, 1000)
    expect(pacer.rateOf(path)).toBe(15)
    const at = clock.now()
    await pacer.acquire(path)
    expect(clock.now() - at).toBeGreaterThanOrEqual(1000)
    expect(pacer.rateOf('/api/2.2/jobs/runs/get')).toBe(100)
    clock.advance(2000)
    expect(pacer.rateOf(path)).toBeGreaterThan(15)
    expect(pacer.rateOf(path)).toBeLessThan(30)
    clock.advance(10_000)
    expect(pacer.rateOf(path)).toBe(30)
  })

  it('a total cap (DTFLW_DATABRICKS_RATE_LIMIT=15) paces all endpoints together', async () => {
    const clock = fakeClock()
    const pacer = createPacer({ ...PUBLISHED_RATE_LIMITS, total: 15 }, clock)
    const started = clock.now()
    for (let i = 0; i < 30; i++)
      await pacer.acquire(
        i % 2 === 0 ? '/api/2.0/workspace/import' : '/api/2.2/jobs/runs/get'
      )
    expect(clock.now() - started).toBeGreaterThanOrEqual(1600)
  })

  it("paces the client's requests", async () => {
    const { client, clock } = await clientFor(server, {
      rateLimits: { endpoints: {}, default: 5 }
    })
    const started = clock.now()
    await Promise.all(
      Array.from({ length: 5 }, () =>
        client.workspace.getStatus('/Shared/retry/nb')
      )
    )
    expect(clock.now() - started).toBeGreaterThanOrEqual(800)
    expect(
      server.requestsTo('GET', '/api/2.0/workspace/get-status')
    ).toHaveLength(5)
  })
})
