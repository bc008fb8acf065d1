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
  /** Ends every idle worker (the busy ones end as their steps do). */
  close(): void
}

/**
 * The scheduler bounds how many steps run at once, so the pool needs no
 * limit of its own: it grows to one worker per parallel slot and keeps
 * them for the next steps. A worker that died (a crashed step, a kill) is
 * never handed out again.
 */
export function createWorkerPool<W extends PooledWorker>(
  create: () => W
): WorkerPool<W> {
  const idle: W[] = []
  let closed = false
  return {
    acquire() {
      while (idle.length > 0) {
        const worker = idle.pop()!
        if (worker.alive) return worker
      }
      return create()
    },
    release(worker) {
      if (closed || !worker.alive) {
        worker.close()
        return
      }
      idle.push(worker)
    },
    close() {
      closed = true
      for (const worker of idle.splice(0)) worker.close()
    }
  }
}
