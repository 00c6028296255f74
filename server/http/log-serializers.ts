/**
 * What a request log line may carry: method, path and status. Query strings (a position), headers (a token)
 * and bodies (a login code) are personal or secret and stay out of the logs.
 */
export const logSerializers = {
  req: (request: { id: string; method: string; url: string }) => ({
    id: request.id,
    method: request.method,
    path: request.url.split('?')[0],
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
}
