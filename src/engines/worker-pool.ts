/** A process that serves one step at a time and may die on the way. */
export interface PooledWorker {
  readonly alive: boolean
  /** Ends the worker once idle. */
  close(): void
}

/** Warm workers for one run: one per step running at once. */
export interface WorkerPool<W extends PooledWorker> {
  /** An idle live worker, or a new one. */
  acquire(): W
  /** Gives a worker back; a dead one is dropped, the next acquire replaces it. */
  release(worker: W): void
  /** Starts workers until `count` are idle, so the next steps find them ready. */
  prewarm(count: number): void
  /** Ends every idle worker (the busy ones end as their steps do). */
  close(): void
}

/** How long an idle worker waits for the next step before it ends. */
export interface WorkerPoolOptions {
  /** Absent: idle workers wait until `close`. */
  readonly idleMs?: number
}

/**
 * The scheduler bounds how many steps run at once, so the pool needs no
 * limit of its own: it grows to one worker per parallel slot and keeps
 * them for the next steps. A worker that died (a crashed step, a kill) is
 * never handed out again. With `idleMs`, a worker left idle that long is
 * closed; its timer is unreferenced, so waiting never keeps the process
 * alive.
 */
export function createWorkerPool<W extends PooledWorker>(
  create: () => W,
  options: WorkerPoolOptions = {}
): WorkerPool<W> {
  const idle: W[] = []
  const timers = new Map<W, NodeJS.Timeout>()
  let closed = false
  const stopTimer = (worker: W): void => {
    clearTimeout(timers.get(worker))
    timers.delete(worker)
  }
  const retire = (worker: W): void => {
    timers.delete(worker)
    const at = idle.indexOf(worker)
    if (at === -1) return
    idle.splice(at, 1)
    worker.close()
  }
  function release(worker: W): void {
    if (closed || !worker.alive) {
      worker.close()
      return
    }
    idle.push(worker)
    if (options.idleMs !== undefined) {
      const timer = setTimeout(() => retire(worker), options.idleMs)
      timer.unref()
      timers.set(worker, timer)
    }
  }
  return {
    acquire() {
      while (idle.length > 0) {
        const worker = idle.pop()!
        stopTimer(worker)
        if (worker.alive) return worker
      }
      return create()
    },
    release,
    prewarm(count) {
      const live = idle.filter((w) => w.alive).length
      for (let i = live; i < count && !closed; i++) release(create())
    },
    close() {
      closed = true
      for (const worker of idle.splice(0)) {
        stopTimer(worker)
        worker.close()
      }
    }
  }
}
