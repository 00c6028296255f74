/** A failed call, with the sentence a resident can read. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Any error, as one Chinese sentence for a person: the server's message when it sent one. */
export function cleanError(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return '出了点问题，请稍后再试'
}
