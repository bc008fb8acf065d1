import { setMaxListeners } from 'node:events'
import { exitCodeOfSignal } from '../diagnostics/index.js'
import { main } from './main.js'

// The bin shim: wire the process to `main`, Ctrl-C to an abort signal.
const controller = new AbortController()
// Every request in flight listens to it (a deploy has dozens at once).
setMaxListeners(0, controller.signal)
let interrupted = 0
process.on('SIGINT', () => {
  interrupted++
  if (interrupted > 1) process.exit(130)
  process.stderr.write(
    '\nCancelling: waiting for running steps to stop (Ctrl-C again to force).\n'
  )
  controller.abort('SIGINT')
  process.exitCode = exitCodeOfSignal(controller.signal.reason)
})
process.on('SIGTERM', () => {
  controller.abort('SIGTERM')
  process.exitCode = exitCodeOfSignal(controller.signal.reason)
})

const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  signal: controller.signal
})
// Once a signal came, the exit code says so (130 or 143), whatever the
// command managed before it stopped: a CI runner and a shell read it as
// "interrupted", never as success or as a bug.
process.exitCode = controller.signal.aborted
  ? exitCodeOfSignal(controller.signal.reason)
  : code
