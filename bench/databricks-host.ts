import { parentPort, workerData } from 'node:worker_threads'
import { startDatabricksServer } from '../test/support/databricks-server/index.js'

/**
 * The loopback workspace on a thread of its own, as a real one runs on
 * other machines: the client's CPU time and the server's do not queue on
 * one event loop. The bench drives it with small messages.
 */
export type HostRequest =
  | { readonly op: 'requests' }
  | { readonly op: 'clear' }
  | { readonly op: 'delete'; readonly path: string }
  | { readonly op: 'latency'; readonly ms: number }
  | { readonly op: 'durations'; readonly ms: Readonly<Record<string, number>> }
  /** Notebooks put in place without the API (a deploy measured elsewhere). */
  | { readonly op: 'seed'; readonly paths: readonly string[] }
  | { readonly op: 'close' }

// A strict workspace: Databricks' published per-endpoint limits, answered
// with 429 and Retry-After beyond them.
const server = await startDatabricksServer({
  latencyMs: (workerData as { latencyMs: number }).latencyMs,
  rateLimits: 'published'
})
let durations: Readonly<Record<string, number>> = {}
server.setBehaviour((task) =>
  durations[task.taskKey] !== undefined
    ? { durationMs: durations[task.taskKey] }
    : undefined
)
parentPort!.postMessage({ url: server.url, token: server.token })
parentPort!.on('message', async (message: HostRequest & { id: number }) => {
  let answer: unknown
  switch (message.op) {
    case 'requests':
      answer = server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)
      break
    case 'clear':
      server.clearRequests()
      break
    case 'delete':
      server.workspace.delete(message.path)
      break
    case 'latency':
      server.latencyMs = message.ms
      break
    case 'durations':
      durations = message.ms
      break
    case 'seed':
      for (const path of message.paths)
        server.workspace.putNotebook(
          path,
          '-- Databricks notebook source\n',
          'SQL'
        )
      break
    case 'close':
      await server.close()
      break
  }
  parentPort!.postMessage({ id: message.id, answer })
  if (message.op === 'close') parentPort!.close()
})
