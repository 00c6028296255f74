// The contract between the mini-program and the API. Imports only zod.
export * from './auth'
export * from './common'
export * from './errors'
export * from './facility'
export * from './functions'
export * from './health'
