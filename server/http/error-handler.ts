import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, domainErrorReply, errorReply, type ErrorReply } from './errors'

/** The one place where any failure becomes `{error: {code, message}}`. */
export function registerErrorHandling(
  app: FastifyInstance,
  { spaFallback }: { spaFallback: ((reply: FastifyReply) => Promise<FastifyReply>) | null },
): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body } = toReply(err)
    // A refusal is the client's business: one line at info with its code, never a stack (a fuzzer's noise must not
    // flood the log). The server's own failure: one line at error with what failed and where, not the whole stack.
    if (status >= 500) request.log.error({ error: oneLine(err) }, 'request failed')
    else request.log.info({ statusCode: status, code: body.error.code }, 'request refused')
    return reply.status(status).send(body)
  })

  app.setNotFoundHandler((request, reply) => {
    if (spaFallback && (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/')) {
      return spaFallback(reply)
    }
    const { status, body } = errorReply('not_found', '没有找到您要的内容')
    return reply.status(status).send(body)
  })
}

/**
 * Errors of the router, before any route is found: a malformed URL (a lone `%`) or a parameter longer than any id.
 * They get the one error shape too.
 */
export function frameworkErrorReply(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? errorReply('not_found', '没有找到您要的内容')
      : errorReply('malformed_url', '网址格式不正确，请检查链接后重试')
  void reply.status(status).send(body)
}

function toReply(err: FastifyError): ErrorReply {
  if (err instanceof DomainError) return domainErrorReply(err)
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errorReply('malformed_json', '提交的内容格式不正确，请刷新后重试')
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errorReply('body_too_large', '提交的内容太大')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errorReply('unsupported_media_type', '提交的内容类型不受支持，请以 JSON 提交')
  }
  if (err.statusCode === 400 || (err as { type?: string }).type === 'entity.parse.failed') {
    return errorReply('malformed_json', '提交的内容格式不正确，请刷新后重试')
  }
  if (err.statusCode === 429) return errorReply('rate_limited', '操作太频繁，请稍后再试')
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { ...errorReply('invalid_input', '请求有误，请检查后重试'), status: err.statusCode }
  }
  return errorReply('internal', '系统繁忙，请稍后再试')
}

/** An error as one line of context: its kind, message and the frame it was thrown from. */
export function oneLine(err: unknown): string {
  if (!(err instanceof Error)) return String(err).split('\n')[0]
  const at = err.stack
    ?.split('\n')
    .slice(1)
    .find((line) => !line.includes('node_modules') && !line.includes('node:'))
    ?.trim()
    .replace(/^at /, '')
  const code = (err as { code?: unknown }).code
  return `${err.name}${typeof code === 'string' ? ` ${code}` : ''}: ${err.message.split('\n')[0]}${at ? ` at ${at}` : ''}`
}
