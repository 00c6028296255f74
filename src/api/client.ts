import Taro from '@tarojs/taro'
import type { ErrorBody } from '@shared/errors'
import { ApiError } from './api-error'
import { takeEarlyAnswer } from '@/lib/embedded-answer'

// The H5 build is served by the API itself; the WeChat build calls the configured origin.
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '')

/** What every tap that needs the server says when it cannot reach it; the screen offers 重试 beside it. */
export const NETWORK_FAILED = '网络连接失败，请检查网络后重试'

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** Bytes sent as they are (a spreadsheet), with their own content-type in `headers`. */
  rawBody?: ArrayBuffer
  token?: string | null
  headers?: Record<string, string>
}

/** What reads an answer: the contract's zod schema, or `serverChecked()`. */
export interface ResponseReader<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false }
}

/**
 * The answer as the contract's type, without parsing it again here: for the calls of the tab pages, whose code is the
 * WeChat main package (≤ 350 KB; zod alone is 90 KB of it), and of the pages a resident opens from a shared link to
 * book (facility, 订餐, 托育, 日间照料, 短期托养), which on a slow phone's browser drew about 0.2 s sooner without
 * zod's 24 KB and its start. The server passes every answer through that same schema before sending it
 * (server/http/zod-provider.ts), so only what is not an object at all (a proxy's page) is refused. Pages that check a
 * form against the contract's schemas (托管's collectors, the clerk's pages) parse their answers with them too.
 */
export function serverChecked<T>(): ResponseReader<T> {
  return {
    safeParse: (data) => (typeof data === 'object' && data !== null ? { success: true, data: data as T } : { success: false }),
  }
}

/** For a call whose answer carries nothing to read (204 No Content). */
export function noContent(): ResponseReader<void> {
  return { safeParse: () => ({ success: true, data: undefined }) }
}

/** Calls the API and reads the answer (see `ResponseReader`); failures become an `ApiError`. */
export async function apiRequest<T>(
  reader: ResponseReader<T>,
  path: string,
  { method = 'GET', query, body, rawBody, token, headers }: RequestOptions = {},
): Promise<T> {
  const header: Record<string, string> = { ...headers }
  if (body !== undefined) header['content-type'] = 'application/json'
  if (token) header.authorization = `Bearer ${token}`

  const url = `${API_BASE}/api${path}${queryString(query)}`
  // A public answer the page began to fetch as it started (H5): taken instead of asking again.
  const early = method === 'GET' && !token ? takeEarlyAnswer(url) : undefined
  if (early) {
    const parsed = reader.safeParse(await early)
    if (parsed.success) return parsed.data
  }

  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({
      url,
      method,
      header,
      data: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      dataType: 'json',
      timeout: 15000,
    })
  } catch {
    throw new ApiError('network', NETWORK_FAILED, 0)
  }

  if (response.statusCode >= 200 && response.statusCode < 300) {
    const parsed = reader.safeParse(response.data)
    if (parsed.success) return parsed.data
    throw new ApiError('bad_response', '服务返回的数据有误，请稍后再试', response.statusCode)
  }
  const failure = errorOf(response.data)
  if (failure) {
    const { code, message, field, bookingId, problems } = failure
    throw new ApiError(code, message, response.statusCode, field, bookingId, problems)
  }
  throw new ApiError('http', '服务暂时不可用，请稍后再试', response.statusCode)
}

/**
 * The fields of an error body (errorBodySchema) this client uses; anything else (a gateway's page) is no error body.
 * Read by hand because every call, the tab pages' too, goes through here (see `serverChecked`).
 */
function errorOf(data: unknown): Pick<ErrorBody['error'], 'code' | 'message' | 'field' | 'bookingId' | 'problems'> | null {
  const error = typeof data === 'object' && data !== null ? (data as { error?: unknown }).error : undefined
  if (typeof error !== 'object' || error === null) return null
  const { code, message, field, bookingId, problems } = error as Record<string, unknown>
  if (typeof code !== 'string' || typeof message !== 'string') return null
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  return {
    code,
    message,
    field: text(field),
    bookingId: text(bookingId),
    problems: Array.isArray(problems) && problems.every((p) => typeof p === 'string') ? problems : undefined,
  }
}

function queryString(query: RequestOptions['query']): string {
  const parts = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
