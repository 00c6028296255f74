import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'

/** This process among the instances sharing a database: what its leases are held under. */
export const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
