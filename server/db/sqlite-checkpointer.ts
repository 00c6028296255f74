import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, and with it an fsync of
// the database file: on a VM disk that commit takes ~10 ms instead of ~0.1, and because better-sqlite3 is
// synchronous the whole event loop waits with it — every queued booking included. A worker thread with its own
// connection runs PASSIVE checkpoints instead (they never block writers), so commits only append to the WAL.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)') } catch {} }
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close() })
`

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(file: string, intervalMs = 500): Checkpointer {
  const driver = createRequire(__filename).resolve('better-sqlite3')
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs } })
  worker.unref()
  return {
    stop: () =>
      new Promise((done) => {
        worker.once('exit', () => done())
        worker.postMessage('stop')
      }),
  }
}
